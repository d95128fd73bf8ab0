import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keychain } from '../../src/secrets/keychain.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { describeWithSecretService, secretToolLookup, testService } from './secret-service.js';

describeWithSecretService('Keychain on a real Secret Service', () => {
  const service = testService();
  const keychain = new Keychain({ env: process.env, service });
  afterAll(async () => {
    for (const account of ['polygon', 'finnhub']) await keychain.remove(account).catch(() => undefined);
  });

  it('is available', async () => {
    expect(await keychain.status()).toEqual({ available: true, backend: 'Secret Service' });
  });

  it('stores, reads, replaces and deletes an entry under service and account', async () => {
    expect(await keychain.get('polygon')).toBeUndefined();
    await keychain.set('polygon', 'pk_first_1234');
    await keychain.set('polygon', 'pk_second_5678');
    expect(await keychain.get('polygon')).toBe('pk_second_5678');
    // libsecret's own tool sees the same item, as service/username attributes
    expect(secretToolLookup(service, 'polygon')).toBe('pk_second_5678');
    expect(await keychain.remove('polygon')).toBe(true);
    expect(await keychain.remove('polygon')).toBe(false);
    expect(await keychain.get('polygon')).toBeUndefined();
    expect(secretToolLookup(service, 'polygon')).toBeUndefined();
  });

  it('keeps accounts apart', async () => {
    await keychain.set('finnhub', 'fh_key_0001');
    expect(await keychain.get('polygon')).toBeUndefined();
    expect(await keychain.get('finnhub')).toBe('fh_key_0001');
  });
});

describe('Keychain without a usable Secret Service', () => {
  it('says there is no D-Bus session, without loading anything', async () => {
    const status = await new Keychain({ env: {}, platform: 'linux' }).status();
    expect(status).toEqual({ available: false, reason: expect.stringMatching(/no D-Bus session/) });
  });

  it('reports a bus that refuses the connection as unavailable, with the reason', async () => {
    const status = await new Keychain({
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/stockato-bus' },
      platform: 'linux',
    }).status();
    expect(status.available).toBe(false);
    expect(status.available ? '' : status.reason).not.toBe('');
  });

  describe('a bus that accepts and never answers', () => {
    let home: TempHome;
    let server: Server;
    let socket: string;
    beforeAll(async () => {
      home = createTempHome();
      socket = home.path('silent-bus');
      server = createServer((connection) => connection.on('data', () => undefined));
      await new Promise<void>((resolve) => server.listen(socket, resolve));
    });
    afterAll(() => {
      server.close();
      home.cleanup();
    });

    it('is given up after the time box instead of hanging the process', async () => {
      const keychain = new Keychain({ env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` }, timeoutMs: 500 });
      const status = await keychain.status();
      expect(status).toEqual({ available: false, reason: 'the Secret Service did not answer within 500 ms' });
      await expect(keychain.get('polygon')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    });
  });
});
