// Hocuspocus 3.4.4 (the last line that runs on Node 20), default settings, no persistence extension.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT ?? 0), address: '127.0.0.1', quiet: true });
globalThis.__benchRooms = () => server.hocuspocus.getDocumentsCount();
await server.listen();
console.log(`listening ${server.address.port}`);
