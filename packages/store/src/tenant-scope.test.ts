import { describe, expect, it } from 'vitest';
import { AUDIT_PARTITIONS, TABLE_ACTIONS, tenantSessionPolicy } from './tenant-scope';

const input = {
  partnershipId: 'kent-south',
  tableArn: 'arn:aws:dynamodb:eu-west-2:111122223333:table/peermap-prod-Table',
  tableKeyArn: 'arn:aws:kms:eu-west-2:111122223333:key/00000000-0000-4000-8000-000000000000',
  region: 'eu-west-2',
};

interface Statement {
  Sid: string;
  Action: string[];
  Resource: string | string[];
  Condition: Record<string, Record<string, unknown>>;
}

describe("a partnership's session policy", () => {
  const policy: { Statement: Statement[] } = JSON.parse(tenantSessionPolicy(input));
  const items = policy.Statement.find((statement) => statement.Sid === 'OnePartnershipsItems');

  it("pins every table and index call to the partnership's key prefix", () => {
    expect(items?.Resource).toEqual([
      input.tableArn,
      `${input.tableArn}/index/byKind`,
      `${input.tableArn}/index/byLink`,
    ]);
    expect(items?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#kent-south#*'] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
  });

  it('allows item calls only: no Scan, nothing on the table itself', () => {
    expect(items?.Action).toEqual([...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write]);
    expect(items?.Action.join(' ')).not.toMatch(/Scan|Table|\*/);
  });

  it('lets a reading function write only audit event partitions', () => {
    expect(AUDIT_PARTITIONS).toBe('P#*#AUDIT#*');
  });

  it("lets a change of state update an item in place, under the same pin to the partnership's keys", () => {
    expect(items?.Action).toContain('dynamodb:UpdateItem');
    expect(policy.Statement.filter((statement) => statement.Action.includes('dynamodb:UpdateItem'))).toEqual([items]);
  });

  it('lets the table key be used only through DynamoDB in the region', () => {
    const key = policy.Statement.find((statement) => statement.Sid === 'TheTablesKeyThroughDynamoDB');
    expect(key?.Resource).toBe(input.tableKeyArn);
    expect(key?.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-2.amazonaws.com' } });
  });

  it('fits the 2,048 characters STS allows for a session policy, for the longest partnership id', () => {
    const longest = tenantSessionPolicy({ ...input, partnershipId: 'a'.repeat(40) });
    expect(longest.length).toBeLessThan(2048);
  });
});
