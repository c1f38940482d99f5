import { describe, expect, it } from 'vitest';
import {
  connectionsInWords,
  linkInWords,
  linkStrengthOf,
  recordedLinkInWords,
  shareInsideInWords,
  stabilityInShortWords,
  stabilityInWords,
} from './plain-words';

describe('the figures in plain words', () => {
  it('calls a link strong, regular or occasional by its weight', () => {
    expect(linkStrengthOf(2.7)).toBe('strong');
    expect(linkStrengthOf(2)).toBe('strong');
    expect(linkStrengthOf(1.99)).toBe('regular');
    expect(linkStrengthOf(1)).toBe('regular');
    expect(linkStrengthOf(0.4)).toBe('occasional');
    expect(linkInWords(2.7, 'friends')).toBe('friends, strong link');
    expect(linkInWords(0.3, 'seen together at places')).toBe('seen together at places, occasional link');
    expect(linkInWords(1.2, '')).toBe('regular link');
  });

  it('says how much of a young person’s circle is in the group', () => {
    expect(shareInsideInWords(1)).toBe('almost all of their friends are in this group');
    expect(shareInsideInWords(0.63)).toBe('most of their friends are in this group');
    expect(shareInsideInWords(0.5)).toBe('some of their friends are in this group, others outside it');
    expect(shareInsideInWords(0.1)).toBe('most of their friends are outside this group');
  });

  it('says how sure the analysis is as how often the same group came out', () => {
    expect(stabilityInWords(1)).toBe('the same group came out every time');
    expect(stabilityInWords(0.93)).toBe('the same group came out almost every time');
    expect(stabilityInWords(0.7)).toBe('the same group came out most times');
    expect(stabilityInWords(0.3)).toBe('the group came out differently from run to run');
    expect([1, 0.93, 0.7, 0.3].map(stabilityInShortWords)).toEqual([
      'every time',
      'almost every time',
      'most times',
      'not often: check',
    ]);
  });

  it('says who is most connected without betweenness or weights', () => {
    expect(connectionsInWords(5, 12)).toBe('linked to 5 young people in the group, mostly strong links');
    expect(connectionsInWords(1, 0.5)).toBe('linked to 1 young person in the group, mostly occasional links');
  });

  it('says a link as the worker recorded it, 1 weak to 3 strong', () => {
    expect(recordedLinkInWords(3, 'friends')).toBe('friends, strong link');
    expect(recordedLinkInWords(2, 'siblings')).toBe('siblings, regular link');
    expect(recordedLinkInWords(1, ' ')).toBe('occasional link');
  });
});
