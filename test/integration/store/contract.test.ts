import { createTestTable } from '../../support/store';
import { storeContract } from '../../support/store-contract';

// The same behaviour the in-memory adapter is held to (packages/memory-store), against DynamoDB Local.
storeContract('DynamoDB', async () => {
  const table = await createTestTable();
  return { store: table.store, drop: table.drop };
});
