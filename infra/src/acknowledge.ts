import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A rule's finding on a construct, and why it stands. */
export interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
}

/** Acknowledges each finding on the construct, in order, with its reason. */
export function acknowledge(construct: IConstruct, acknowledgements: readonly Acknowledgement[]): void {
  for (const acknowledgement of acknowledgements) Validations.of(construct).acknowledge(acknowledgement);
}
