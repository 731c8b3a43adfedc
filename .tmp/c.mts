import { startCluster } from '../test/pg-cluster.ts';
const c = await startCluster();
console.log(c.createDatabase('t1'));
process.stdin.resume();
process.on('SIGTERM', () => { c.stop(); process.exit(0); });
