import { inject } from 'vitest';
import { storeContract } from '../contract.test-suite.js';
import { openStore } from '../open.js';
import { freshDatabase } from '../../../tests/setup/pg-database.js';

storeContract('PostgreSQL (real server)', async () => openStore(await freshDatabase(inject('postgresUrl'))));
