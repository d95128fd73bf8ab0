import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFile, keyFilePath } from '../../src/secrets/key-file.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

let home: TempHome;
let file: KeyFile;
beforeEach(() => {
  home = createTempHome();
  file = new KeyFile(keyFilePath(home.path('config')), 'linux');
});
afterEach(() => home.cleanup());

describe('KeyFile', () => {
  it('reads nothing and creates nothing when there is no file', () => {
    expect(file.exists()).toBe(false);
    expect(file.read()).toEqual({});
    expect(file.get('polygon')).toBeUndefined();
    expect(file.exists()).toBe(false);
  });

  it('writes keys.json with mode 0600 in a folder it creates, and keeps other keys', () => {
    file.set('polygon', 'pk_1');
    file.set('alpaca', 'KID:SECRET');
    file.set('polygon', 'pk_2');
    expect(file.path).toBe(home.path('config', 'keys.json'));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ polygon: 'pk_2', alpaca: 'KID:SECRET' });
    expect(file.get('alpaca')).toBe('KID:SECRET');
  });

  it('removes a key, and the file with its last key', () => {
    file.set('polygon', 'pk_1');
    file.set('finnhub', 'fh_1');
    expect(file.remove('polygon')).toBe(true);
    expect(file.remove('polygon')).toBe(false);
    expect(file.read()).toEqual({ finnhub: 'fh_1' });
    expect(file.remove('finnhub')).toBe(true);
    expect(file.exists()).toBe(false);
  });

  it.each(['644', '640', '604', '660'])('refuses to read a file with mode %s, naming the mode and the fix', (octal) => {
    const mode = parseInt(octal, 8);
    file.set('polygon', 'pk_visible');
    chmodSync(file.path, mode);
    const read = () => file.read();
    expect(read).toThrow(`has mode 0${mode.toString(8)}: a key file must be readable by its owner only`);
    expect(read).toThrow(expect.objectContaining({ code: 'key-file-permissions', hint: `chmod 600 ${file.path}` }));
    // writing through a loose file is refused too: it reads first
    expect(() => file.set('finnhub', 'x')).toThrow(/readable by its owner only/);
  });
});

describe('KeyFile contents', () => {
  it.each([
    ['{"polygon": "pk_secret_text", broken', 'it is not valid JSON'],
    ['["pk_secret_text"]', 'it is not a JSON object'],
    ['{"polygon": 12345678}', 'the entry "polygon" is not a string'],
  ])('reports %s as a damaged file without quoting the key', (text, why) => {
    file.set('finnhub', 'fh');
    writeFileSync(file.path, text, { mode: 0o600 });
    let message = '';
    try {
      file.read();
    } catch (error) {
      message = `${(error as Error).message} ${(error as { hint?: string }).hint ?? ''}`;
    }
    expect(message).toContain(why);
    expect(message).not.toContain('pk_secret_text');
    expect(message).not.toContain('12345678');
  });
});
