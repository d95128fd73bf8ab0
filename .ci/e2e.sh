#!/usr/bin/env bash
# End-to-end checks of a built stockato binary, as a user's shell runs it.
# Usage: bash .ci/e2e.sh "node /path/to/bin/stockato.js"
set -uo pipefail
STOCKATO=$1
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
export STOCKATO_HOME=$HOME_DIR NO_COLOR=1
failures=0
check() { # name, expected exit code, command...
  local name=$1 want=$2
  shift 2
  "$@" >"$HOME_DIR/out" 2>"$HOME_DIR/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, wanted $want"; sed 's/^/  stderr: /' "$HOME_DIR/err"; failures=$((failures + 1))
  else
    echo "ok   $name (exit $got)"
  fi
}
st() { $STOCKATO "$@"; }

check "quote --demo --json" 0 st quote ACME GLOBX --demo --json
node -e '
  const q = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ok = q.length === 2 && q.every((x) => x.demo === true && /^\d+(\.\d+)?$/.test(x.last) && !isNaN(Date.parse(x.time)));
  if (!ok) { console.error("bad quote JSON", q); process.exit(1); }' "$HOME_DIR/out" || failures=$((failures + 1))

check "history --csv" 0 st history ACME --demo --range 3mo --interval 1d --csv
rows=$(($(wc -l <"$HOME_DIR/out") - 1))
if [ "$rows" -lt 55 ] || [ "$rows" -gt 70 ]; then echo "FAIL history rows: $rows"; failures=$((failures + 1)); else echo "ok   history rows: $rows"; fi

check "unknown symbol" 1 st quote NOPE --demo
check "partial failure" 1 st quote ACME NOPE --demo
check "empty symbol list" 2 st quote
check "--range 7q" 2 st history ACME --demo --range 7q
check "--interval 3h" 2 st history ACME --demo --interval 3h
check "--from after --to" 2 st history ACME --demo --from 2025-05-01 --to 2025-01-01
check "--json --csv" 2 st quote ACME --demo --json --csv
check "unknown provider" 2 st quote ACME --provider nope
check "help exit-codes" 0 st help exit-codes
check "news --demo --json" 0 st news ACME --demo --limit 3 --json
check "--max-age soon" 2 st quote ACME --demo --max-age soon
mkdir -p "$HOME_DIR/badchain" && printf 'providers:\n  crypto: [binance, nope]\n' >"$HOME_DIR/badchain/config.yaml"
check "chain naming an unknown provider" 2 env STOCKATO_HOME="$HOME_DIR/badchain" $STOCKATO quote BTC-USD
# Nothing listens on 127.0.0.1:9: every provider refuses, nothing is cached, exit 1.
check "providers down, nothing cached" 1 env STOCKATO_YAHOO_BASE_URL=http://127.0.0.1:9 \
  STOCKATO_YAHOO_COOKIE_URL=http://127.0.0.1:9 $STOCKATO quote AAPL
touch "$HOME_DIR/a-file"
check "STOCKATO_HOME is a file" 2 env STOCKATO_HOME="$HOME_DIR/a-file" $STOCKATO quote ACME --demo
mkdir -p "$HOME_DIR/badcfg" && printf 'color: 3\n' >"$HOME_DIR/badcfg/config.yaml"
check "config of a wrong type" 2 env STOCKATO_HOME="$HOME_DIR/badcfg" $STOCKATO quote ACME --demo
mkdir -p "$HOME_DIR/baddb" && printf 'not sqlite\n' >"$HOME_DIR/baddb/stockato.db"
check "database that is not SQLite" 1 env STOCKATO_HOME="$HOME_DIR/baddb" $STOCKATO history ACME --demo
grep -qx 'not sqlite' "$HOME_DIR/baddb/stockato.db" || { echo "FAIL the foreign file was changed"; failures=$((failures + 1)); }

# Indicators in a pipeline, with no provider at all.
st history ACME --demo --range 3mo --csv >"$HOME_DIR/acme.csv"
check "indicators --input" 0 st indicators --input "$HOME_DIR/acme.csv" --ind rsi:14,bb:20:2 --csv
grep -q '^time,.*,rsi_14,bb_upper_20_2,' "$HOME_DIR/out" || { echo "FAIL indicators CSV header"; failures=$((failures + 1)); }
check "indicators: unknown indicator" 2 st indicators ACME --demo --ind nope:3
# Alerts: a rule that holds fires once, a second check is quiet, --exit-code gives 3.
check "alerts add" 0 st alerts add ACME "price > 1" --demo
check "alerts check fires" 3 st alerts check --demo --exit-code
check "alerts check again is quiet" 0 st alerts check --demo --exit-code
[ -s "$HOME_DIR/out" ] && { echo "FAIL a quiet check printed something"; failures=$((failures + 1)); }
check "alerts: a rule with a typo" 2 st alerts add ACME "rsi(14 < 30" --demo
# Live ticks from the in-process demo exchange.
check "stream --demo --count 3" 0 st stream ZORK-USD --demo --count 3
[ "$(grep -c '"type":"tick"' "$HOME_DIR/out")" -eq 3 ] || { echo "FAIL stream tick count"; failures=$((failures + 1)); }
check "keys set with the key as an argument" 2 st keys set polygon abc123
check "dash without a terminal" 2 st dash --demo

if [ "$failures" -gt 0 ]; then echo "$failures end-to-end check(s) failed"; exit 1; fi
echo "all end-to-end checks passed"
