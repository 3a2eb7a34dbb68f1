import type { OperationView } from '../operations/dto/plan-view.dto';

/** What a change to a plan does besides itself, that those who rely on the plan must know before it is made. */
export type Consequence =
  | { kind: 'RETURNS_TO_DRAFT' }
  | { kind: 'SIGN_OFFS_WITHDRAWN'; agencies: string[] }
  | { kind: 'ASKED_AGAIN'; agencies: string[] }
  | { kind: 'TEAMS_RELEASED'; teams: string[] }
  | { kind: 'LEAD_HANDED_ON'; to: string };

export type ConsequenceKind = Consequence['kind'];
export const CONSEQUENCE_KINDS: readonly ConsequenceKind[] = [
  'RETURNS_TO_DRAFT',
  'SIGN_OFFS_WITHDRAWN',
  'ASKED_AGAIN',
  'TEAMS_RELEASED',
  'LEAD_HANDED_ON',
];

const HELD = ['REQUESTED', 'CONFIRMED'];

/** "A", "A and B", "A, B and C". */
export function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What a change did to the plan, read from the whole plan before it and after it. */
export function consequencesOf(before: OperationView, after: OperationView): Consequence[] {
  const found: Consequence[] = [];
  if (before.status === 'APPROVED' && after.status === 'DRAFT') found.push({ kind: 'RETURNS_TO_DRAFT' });
  // Signed off before and not now: its part changed, or it no longer has a confirmed team to sign off for.
  const stillSigned = new Set(after.signOffs.filter((s) => s.state === 'SIGNED_OFF').map((s) => s.agency.id));
  const withdrawn = before.signOffs.filter((s) => s.state === 'SIGNED_OFF' && !stillSigned.has(s.agency.id)).map((s) => s.agency.name);
  if (withdrawn.length) found.push({ kind: 'SIGN_OFFS_WITHDRAWN', agencies: withdrawn });
  const was = new Map(before.deployments.map((d) => [d.id, d]));
  const askedAgain = after.deployments
    .filter((d) => d.status === 'REQUESTED' && was.get(d.id)?.status === 'CONFIRMED')
    .map((d) => d.agency.name);
  if (askedAgain.length) found.push({ kind: 'ASKED_AGAIN', agencies: [...new Set(askedAgain)] });
  const released = after.deployments
    .filter((d) => d.status === 'RELEASED' && HELD.includes(was.get(d.id)?.status ?? ''))
    .map((d) => `${d.team.name} (${d.agency.name})`);
  if (released.length) found.push({ kind: 'TEAMS_RELEASED', teams: released });
  if (before.owningAgency.id !== after.owningAgency.id) found.push({ kind: 'LEAD_HANDED_ON', to: after.owningAgency.name });
  return found;
}

/** One consequence as a clause ("returns the plan to draft and withdraws its approval…"): a list of them says what a change will do. */
export function clause(consequence: Consequence): string {
  switch (consequence.kind) {
    case 'RETURNS_TO_DRAFT':
      return 'returns the plan to draft and withdraws its approval: a manager must approve it again';
    case 'SIGN_OFFS_WITHDRAWN':
      return `withdraws the sign-off${consequence.agencies.length === 1 ? '' : 's'} of ${listed(consequence.agencies)}, who must sign off again`;
    case 'ASKED_AGAIN':
      return `asks ${listed(consequence.agencies)} to confirm ${consequence.agencies.length === 1 ? 'its teams' : 'their teams'} again`;
    case 'TEAMS_RELEASED':
      return `releases ${listed(consequence.teams)}, free for other plans from then on`;
    case 'LEAD_HANDED_ON':
      return `hands the lead to ${consequence.to}: your agency can no longer change the plan`;
  }
}

/** Before the click: "Saving OP-2026-0004 returns the plan to draft …; withdraws the sign-offs of …". */
export function beforeTheChange(doing: string, reference: string, consequences: Consequence[]): string {
  return `${doing} ${reference} ${consequences.map(clause).join('; ')}.`;
}

const DONE: Record<ConsequenceKind, string> = {
  RETURNS_TO_DRAFT: 'The plan went back to draft and its approval was withdrawn: a manager must approve it again.',
  SIGN_OFFS_WITHDRAWN: 'The sign-offs of the partners whose part changed were withdrawn: each is asked to sign off again.',
  ASKED_AGAIN: 'The partners whose teams were confirmed are asked to confirm again.',
  TEAMS_RELEASED: 'The team was released: its agency is told.',
  LEAD_HANDED_ON: 'The lead was handed on: your agency can no longer change the plan.',
};

/** After it, on the page the change leads to: what happened, from the kinds the change did (only words of ours are shown). */
export function afterTheChange(kinds: string[]): string | undefined {
  const known = CONSEQUENCE_KINDS.filter((kind) => kinds.includes(kind));
  return known.length ? `Saved. ${known.map((kind) => DONE[kind]).join(' ')}` : undefined;
}
