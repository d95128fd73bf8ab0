import { describe, expect, it } from 'vitest';
import { fullScreenStdout, keyboardUntilRawModeEnds } from '../../src/tui/terminal.js';

function fakeStdout(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { columns: 120, rows: 40, isTTY: true, write: (text: string) => written.push(text) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('fullScreenStdout', () => {
  it('turns the leading cursor-up of a frame into cursor-home, and keeps the rest', () => {
    const { stream, written } = fakeStdout();
    const out = fullScreenStdout(stream);
    out.write('\x1b[3Aframe');
    out.write('\x1b[?2026h\x1b[12Aframe');
    expect(written).toEqual(['\x1b[Hframe', '\x1b[?2026h\x1b[Hframe']);
    expect(out.columns).toBe(120);
  });

  it('paints nothing once the screen was given back (a late frame would land on the shell)', () => {
    const { stream, written } = fakeStdout();
    let drawing = true;
    const out = fullScreenStdout(stream, () => drawing);
    out.write('first');
    drawing = false;
    expect(out.write('last frame at exit')).toBe(true);
    expect(written).toEqual(['first']);
  });
});

describe('keyboardUntilRawModeEnds', () => {
  it('closes stdin right after raw mode is turned off, so what is typed next reaches the shell', () => {
    const calls: string[] = [];
    const stdin = {
      isTTY: true,
      setRawMode: (mode: boolean) => calls.push(`raw ${mode}`),
      destroy: () => calls.push('destroy'),
      read: () => null,
    } as unknown as NodeJS.ReadStream;
    const keyboard = keyboardUntilRawModeEnds(stdin);
    expect(keyboard.setRawMode(true)).toBe(keyboard);
    expect(calls).toEqual(['raw true']);
    keyboard.setRawMode(false);
    expect(calls).toEqual(['raw true', 'raw false', 'destroy']);
    expect(keyboard.isTTY).toBe(true);
    expect(keyboard.read()).toBeNull();
  });
});
