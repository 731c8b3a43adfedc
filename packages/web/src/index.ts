export { startServer } from './start-server.ts';
export type { ServeOptions, RunningServer } from './start-server.ts';
export { buildClient, CLIENT_DIST } from './build-client.ts';
