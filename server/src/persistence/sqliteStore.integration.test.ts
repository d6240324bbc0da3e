import path from 'node:path';
import { tempDir } from '../testing/testServer.js';
import { SqliteStore } from './sqliteStore.js';
import { storeContract } from './storeContract.js';

storeContract('SQLite', {
  async open() {
    const file = path.join(tempDir('horizon-store-'), 'horizon.sqlite');
    const store = new SqliteStore(file);
    return {
      store,
      async reopen() {
        await store.close();
        return new SqliteStore(file);
      },
    };
  },
});
