import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { storeContract } from '../contract.test-suite.js';
import { openStore } from '../open.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('SQLite (temp file)', () => openStore(join(dir, 'contract.db')));
