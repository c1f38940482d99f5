import { storeContract } from '../../../test/support/store-contract';
import { createMemoryStore } from './store';

// The same behaviour the DynamoDB adapter is held to (test/integration/store/contract.test.ts), in memory.
storeContract('in memory', async () => ({ store: createMemoryStore() }));
