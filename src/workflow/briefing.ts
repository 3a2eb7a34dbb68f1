import type { DeploymentView, OperationView } from '../operations/dto/plan-view.dto';
import { COMPLETED_RELEASE } from '../deployments/release-reasons';

/** A briefing is built once as blocks, then written as Markdown or HTML. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][] };

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
const orNone = (text: string, none = 'None recorded.') => (text.trim() ? text : none);

/** The plan as an IIMARCH briefing: Information, Intent, Method, Administration, Risk, Communications, Humanitarian. */
export function briefingBlocks(plan: OperationView): Block[] {
  // A completed plan released its teams; those that were confirmed on the day are still the record of who was deployed.
  const deployedOnTheDay = (d: DeploymentView) => d.status === 'RELEASED' && d.respondedAt !== null && d.releaseReason === COMPLETED_RELEASE;
  const active = plan.deployments.filter((d) => d.status === 'CONFIRMED' || d.status === 'REQUESTED' || deployedOnTheDay(d));
  const byTeam = new Map(plan.deployments.map((d) => [d.team.id, d]));
  return [
    { kind: 'title', text: `${plan.reference}: ${plan.name}` },
    {
      kind: 'facts',
      rows: [
        ['Status', plan.status],
        ['Window', `${when(plan.startsAt)} to ${when(plan.endsAt)}`],
        ['Lead agency', plan.leadAgency ? `${plan.leadAgency.name} (${plan.leadAgency.code})` : 'Not chosen'],
        ['Scope', plan.scope],
        ['Exploitation types', plan.exploitationTypes.join(', ')],
        ['Version', String(plan.version)],
      ],
    },
    { kind: 'heading', text: 'Information' },
    { kind: 'paragraph', text: orNone(plan.briefing.information) },
    { kind: 'heading', text: 'Intent' },
    { kind: 'paragraph', text: orNone(plan.briefing.intent) },
    { kind: 'heading', text: 'Method' },
    { kind: 'paragraph', text: orNone(plan.briefing.method) },
    {
      kind: 'table',
      header: ['Team', 'Agency', 'Officers', 'Tasking', 'Window', 'Status'],
      rows: active.map((d) => [
        d.team.name,
        d.agency.code,
        String(d.headcount),
        d.tasking || '-',
        `${when(d.startsAt)} to ${when(d.endsAt)}`,
        d.status === 'RELEASED' ? `Deployed; released when ${d.releaseReason}` : d.status,
      ]),
    },
    { kind: 'heading', text: 'Administration' },
    { kind: 'paragraph', text: orNone(plan.briefing.administration) },
    {
      kind: 'table',
      header: ['Location', 'Address', 'Postcode'],
      rows: plan.locations.map((l) => [l.label, l.address, l.postcode]),
    },
    { kind: 'heading', text: 'Risk assessment' },
    { kind: 'paragraph', text: orNone(plan.briefing.risk) },
    { kind: 'heading', text: 'Communications' },
    { kind: 'paragraph', text: orNone(plan.briefing.communications) },
    { kind: 'heading', text: 'Humanitarian issues' },
    { kind: 'paragraph', text: orNone(plan.briefing.humanitarian) },
    {
      kind: 'facts',
      rows: [
        ['Expected potential victims', String(plan.safeguarding.expectedPotentialVictims)],
        ['Languages', plan.safeguarding.languages.join(', ') || 'None noted'],
        ['Reception centre', plan.safeguarding.receptionCentre ?? 'Not arranged'],
      ],
    },
    { kind: 'heading', text: 'Evidence required by the CPS' },
    {
      kind: 'paragraph',
      text: plan.cpsInvolvement?.liaison
        ? `CPS liaison: ${plan.cpsInvolvement.liaison.name} (${plan.cpsInvolvement.liaison.email}).`
        : 'No CPS liaison engaged.',
    },
    {
      kind: 'table',
      header: ['Offence', 'Evidence', 'Priority', 'Description', 'Gathered by', 'Status'],
      rows: plan.evidenceRequirements.map((r) => [
        r.offence === 'OTHER' ? `OTHER: ${r.offenceOther}` : r.offence,
        r.evidenceType,
        r.priority,
        r.description,
        r.assignedTeam ? `${r.assignedTeam.name} (${byTeam.get(r.assignedTeam.id)?.agency.code ?? r.assignedTeam.agency.code})` : 'Unassigned',
        r.status,
      ]),
    },
    ...outcomeBlocks(plan),
  ];
}

function outcomeBlocks(plan: OperationView): Block[] {
  if (!plan.outcomes) return [];
  const { arrests, potentialVictimsSafeguarded, nrmReferrals, premisesVisited, notes } = plan.outcomes;
  return [
    { kind: 'heading', text: 'Outcomes' },
    {
      kind: 'facts',
      rows: [
        ['Arrests', String(arrests)],
        ['Potential victims safeguarded', String(potentialVictimsSafeguarded)],
        ['NRM referrals', String(nrmReferrals)],
        ['Premises visited', String(premisesVisited)],
        ['Notes', notes?.trim() ? notes : 'None recorded.'],
      ],
    },
  ];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function toMarkdown(blocks: Block[]): string {
  return `${blocks
    .map((block) => {
      switch (block.kind) {
        case 'title':
          return `# ${block.text}`;
        case 'heading':
          return `## ${block.text}`;
        case 'paragraph':
          return block.text;
        case 'facts':
          return block.rows.map(([label, value]) => `- **${label}:** ${value}`).join('\n');
        case 'table':
          if (block.rows.length === 0) return '_None._';
          return [block.header, block.header.map(() => '---'), ...block.rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
      }
    })
    .join('\n\n')}\n`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function toHtml(blocks: Block[]): string {
  const title = blocks.find((block) => block.kind === 'title');
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'title':
          return `<h1>${escape(block.text)}</h1>`;
        case 'heading':
          return `<h2>${escape(block.text)}</h2>`;
        case 'paragraph':
          return block.text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('');
        case 'facts':
          return `<dl>${block.rows.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('')}</dl>`;
        case 'table':
          if (block.rows.length === 0) return '<p><em>None.</em></p>';
          return `<table><thead><tr>${block.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
            .map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`;
      }
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title?.kind === 'title' ? title.text : 'Briefing')}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:1.6rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head>
<body>
${body}
</body></html>
`;
}
