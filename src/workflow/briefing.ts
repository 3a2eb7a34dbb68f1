import { BriefingSection } from '../common/domain';
import { label } from '../common/labels';
import { ukDateTime } from '../common/uk-time';
import type { DeploymentView, OperationView } from '../operations/dto/plan-view.dto';
import { COMPLETED_RELEASE } from '../deployments/release-reasons';

/** A briefing is built once as blocks, then written as Markdown or HTML. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][]; empty: string };

export const SECTION_TITLES: Record<BriefingSection, string> = {
  information: 'Information',
  intent: 'Intent',
  method: 'Method',
  administration: 'Administration',
  risk: 'Risk assessment',
  communications: 'Communications',
  humanitarian: 'Humanitarian issues',
};

/** A section's heading and text, or what is missing and who writes it. */
function section(plan: OperationView, name: BriefingSection): Block[] {
  const text = plan.briefing[name];
  return [
    { kind: 'heading', text: SECTION_TITLES[name] },
    {
      kind: 'paragraph',
      text: text.trim() ? text : `Not written yet: a coordinator of ${plan.owningAgency.name} writes the ${SECTION_TITLES[name].toLowerCase()} section on the plan's details.`,
    },
  ];
}

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
        ['Status', label('status', plan.status)],
        ['Window', `${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`],
        ['Lead agency', plan.leadAgency ? `${plan.leadAgency.name} (${plan.leadAgency.code})` : `Not chosen yet: a coordinator of ${plan.owningAgency.name} chooses it`],
        ['Scope', label('scope', plan.scope)],
        ['Exploitation types', plan.exploitationTypes.map((type) => label('exploitationType', type)).join(', ')],
        ['Version', String(plan.version)],
      ],
    },
    ...section(plan, 'information'),
    ...section(plan, 'intent'),
    ...section(plan, 'method'),
    {
      kind: 'table',
      header: ['Team', 'Agency', 'Officers', 'Tasking', 'Window', 'Status'],
      rows: active.map((d) => [
        d.team.name,
        d.agency.code,
        String(d.headcount),
        d.tasking || '-',
        `${ukDateTime(d.startsAt)} to ${ukDateTime(d.endsAt)}`,
        d.status === 'RELEASED' ? `Deployed; released when ${d.releaseReason}` : label('deploymentStatus', d.status),
      ]),
      empty: `No teams yet: a coordinator of ${plan.owningAgency.name} requests them from the partner agencies.`,
    },
    ...section(plan, 'administration'),
    {
      kind: 'table',
      header: ['Location', 'Address', 'Postcode'],
      rows: plan.locations.map((l) => [l.label, l.address, l.postcode]),
      empty: `No locations yet: a coordinator of ${plan.owningAgency.name} adds them.`,
    },
    ...section(plan, 'risk'),
    ...section(plan, 'communications'),
    ...section(plan, 'humanitarian'),
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
        : `No CPS liaison engaged: a coordinator of ${plan.owningAgency.name} requests early CPS involvement, and a CPS liaison accepts it.`,
    },
    {
      kind: 'table',
      header: ['Offence', 'Evidence', 'Priority', 'Description', 'Gathered by', 'Status'],
      rows: plan.evidenceRequirements.map((r) => [
        r.offence === 'OTHER' ? `${label('offence', r.offence)}: ${r.offenceOther}` : label('offence', r.offence),
        label('evidenceType', r.evidenceType),
        label('evidencePriority', r.priority),
        r.description,
        r.assignedTeam ? `${r.assignedTeam.name} (${byTeam.get(r.assignedTeam.id)?.agency.code ?? r.assignedTeam.agency.code})` : 'Unassigned',
        label('evidenceStatus', r.status),
      ]),
      empty: 'No evidence requirements yet: the engaged CPS liaison adds what a prosecution will need.',
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
          if (block.rows.length === 0) return `_${block.empty}_`;
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
          if (block.rows.length === 0) return `<p><em>${escape(block.empty)}</em></p>`;
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
