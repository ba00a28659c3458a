// A fresh database on the test server for each suite, so suites never see each other's rows.
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export async function freshDatabase(adminUrl: string): Promise<string> {
  const name = 'marsad_' + randomBytes(6).toString('hex');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  return url.toString();
}
