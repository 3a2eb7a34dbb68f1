import { BriefingSection, isActiveDeployment, PLAN_SECTIONS } from '../common/domain';
import { agencyNamed, label, LABELS } from '../common/labels';
import { markingText, printedMarkingCss } from '../common/marking';
import { spokenNumber } from '../common/phone';
import { ukDateTime } from '../common/uk-time';
import type { LocationView } from '../operations/dto/operation.dto';
import type { CommanderView, RiskView } from '../operations/dto/order.dto';
import type { DeploymentView, OperationView } from '../operations/dto/plan-view.dto';
import { COMPLETED_RELEASE, STOOD_DOWN_RELEASE } from '../common/release-reasons';
import { awaitsAcceptance, registerOrder } from '../operations/order';
import type { SubjectView } from '../subjects/dto/subject.dto';
import { subjectLine } from '../subjects/subject-line';
import type { DaySummary } from '../day-log/day-summary';
import { dayBlocks } from './day-as-it-happened';
import type { Block, Frame } from './documents/printable';

/** The IIMARCH sections' titles: the label set of src/common/labels.ts, which the history names them by too. */
export const SECTION_TITLES: Record<BriefingSection, string> = LABELS.briefingSection;

/** A section's heading and text, or what is missing and who writes it; nothing for a section the reader may not see. */
function section(plan: OperationView, name: BriefingSection): Block[] {
  const text = plan.briefing[name];
  if (text === undefined) return [];
  return [
    { kind: 'heading', text: SECTION_TITLES[name] },
    {
      kind: 'paragraph',
      text: text.trim()
        ? text
        : `Not written yet: a coordinator of ${plan.owningAgency.name} writes the ${SECTION_TITLES[name].toLowerCase()} section on the plan's details.`,
    },
  ];
}

/** What the reader's agency is not shown of the plan (R14a), said once, so nobody takes a short pack for the whole. */
function notShared(plan: OperationView): Block[] {
  const hidden = PLAN_SECTIONS.filter((name) => name !== 'TEAMS' && !plan.sections.includes(name)).map((name) =>
    label('sectionName', name),
  );
  const teams = plan.sections.includes('TEAMS') ? [] : ['anything of other agencies’ teams but their name and status'];
  if (hidden.length === 0 && teams.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      text: `Not shared with your agency: ${[hidden.join(', '), ...teams].filter(Boolean).join('; and ')}. Ask the plan’s owner, ${plan.owningAgency.name}, if your part needs more.`,
    },
  ];
}

/** A team's status in words ("Requested", "Confirmed"), and for a released team why it was released. */
export function statusText(d: DeploymentView): string {
  return d.status === 'RELEASED' && d.releaseReason ? `Deployed; released when ${d.releaseReason}` : label('deploymentStatus', d.status);
}

/** An RV point and when to meet there, with the day: a plan may run over three, so a time alone could be any of them. */
export function rvText(rv: { name: string; meetAt: string }): string {
  return `${rv.name}, ${ukDateTime(rv.meetAt)}`;
}

/** A team the reader sees in full, or another agency's team that it sees as team, agency and status only (R14a). */
function teamRow(d: DeploymentView): string[] {
  const status = statusText(d);
  if (d.tasking === undefined) return [d.team.name, d.agency.code, '-', 'Not shared', '-', '-', '-', '-', status];
  return [
    d.team.name,
    d.agency.code,
    String(d.headcount),
    d.tasking || '-',
    (d.powers ?? []).map((power) => label('power', power)).join(', ') || '-',
    d.rvPoint ? rvText(d.rvPoint) : 'Not given',
    d.callSign ?? '-',
    d.startsAt && d.endsAt ? `${ukDateTime(d.startsAt)} to ${ukDateTime(d.endsAt)}` : '-',
    status,
  ];
}

/** The teams the day of action counts on: requested or confirmed, or confirmed on the day of a plan since completed or stood down. */
export function teamsOnTheDay(plan: OperationView): DeploymentView[] {
  // A completed or stood-down plan released its teams; those that were confirmed on the day are still the record of who was deployed.
  const deployedOnTheDay = (d: DeploymentView) =>
    d.status === 'RELEASED' && d.respondedAt !== null && (d.releaseReason === COMPLETED_RELEASE || d.releaseReason === STOOD_DOWN_RELEASE);
  return plan.deployments.filter((d) => isActiveDeployment(d.status) || deployedOnTheDay(d));
}

/**
 * The plan as an IIMARCH briefing: Information, Intent, Method, Administration, Risk, Communications,
 * Humanitarian; as the reader may see it (R14a), under its protective marking (R14d) at the top and
 * the foot. A day of action that is over adds the day as it happened, from its log (`day`).
 */
export function briefingBlocks(plan: OperationView, subjects: SubjectView[], day: DaySummary | null = null): Block[] {
  const active = teamsOnTheDay(plan);
  const byTeam = new Map(plan.deployments.map((d) => [d.team.id, d]));
  const marking: Block = { kind: 'marking', text: markingText(plan.marking) };
  return [
    marking,
    { kind: 'title', text: `${plan.reference}: ${plan.name}` },
    {
      kind: 'facts',
      rows: [
        ['Status', label('status', plan.status)],
        ['Window', `${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`],
        [
          'Lead agency',
          plan.leadAgency ? agencyNamed(plan.leadAgency) : `Not chosen yet: a coordinator of ${plan.owningAgency.name} chooses it`,
        ],
        ['Scope', label('scope', plan.scope)],
        ['Exploitation types', plan.exploitationTypes.map((type) => label('exploitationType', type)).join(', ')],
        ['Version', String(plan.version)],
      ],
    },
    ...notShared(plan),
    ...section(plan, 'information'),
    ...subjectBlocks(plan, subjects),
    ...section(plan, 'intent'),
    ...section(plan, 'method'),
    ...commandBlocks(plan),
    { kind: 'subheading', text: 'Timeline' },
    timeline(plan, active),
    { kind: 'subheading', text: 'Teams' },
    {
      kind: 'table',
      header: ['Team', 'Agency', 'Officers', 'Tasking', 'Powers', 'RV point', 'Call sign', 'Window', 'Status'],
      rows: active.map(teamRow),
      empty: `No teams yet: a coordinator of ${plan.owningAgency.name} requests them from the partner agencies.`,
    },
    ...section(plan, 'administration'),
    ...locationBlocks(plan),
    ...signOffBlocks(plan),
    ...section(plan, 'risk'),
    { kind: 'subheading', text: 'Risk register, highest residual risk first' },
    {
      kind: 'table',
      header: ['Hazard', 'Likelihood', 'Impact', 'Score', 'Control measures', 'Residual risk', 'Owner', 'Accepted by'],
      rows: registerOrder(plan.risks).map((r) => [
        hazardCell(r),
        String(r.likelihood),
        String(r.impact),
        String(r.score),
        r.controls,
        label('riskRating', r.residual),
        r.owner,
        awaitsAcceptance(r) ? 'NOT ACCEPTED: a senior officer must accept this risk' : r.acceptedBy?.trim() || '-',
      ]),
      empty: `No risks assessed yet: a coordinator of ${plan.owningAgency.name} records them on the plan's risk assessment.`,
    },
    ...section(plan, 'communications'),
    {
      kind: 'facts',
      rows: [
        ['Radio channel or talkgroup', plan.communications.radioChannel ?? 'Not set'],
        ['Control room', plan.communications.controlRoomNumber ?? 'Not set'],
      ],
    },
    {
      kind: 'table',
      header: ['Call sign', 'Team', 'Agency'],
      rows: active.filter((d) => d.callSign).map((d) => [d.callSign as string, d.team.name, d.agency.code]),
      empty: 'No call signs given yet.',
    },
    ...section(plan, 'humanitarian'),
    ...safeguardingBlocks(plan),
    ...evidenceBlocks(plan, byTeam),
    ...standDownBlocks(plan),
    ...dayBlocks(plan, day),
    ...outcomeBlocks(plan),
    marking,
  ];
}

/**
 * The subjects of interest (nominals) as entered, under the Information section: Intelligence (R14a), so
 * nothing at all for a reader the plan's intelligence is not shared with.
 */
function subjectBlocks(plan: OperationView, subjects: SubjectView[]): Block[] {
  if (!plan.sections.includes('INTELLIGENCE')) return [];
  return [
    { kind: 'subheading', text: 'Subjects of interest' },
    {
      kind: 'table',
      header: ['Subject', 'As entered', 'Added by'],
      rows: subjects.map((s) => [label('subjectKind', s.kind), subjectLine(s), s.addedBy.name]),
      empty: `No subjects of interest yet: a coordinator of ${plan.owningAgency.name} adds them on the plan's subjects page.`,
    },
  ];
}

/** The frame of a plan's printed document called `what`, produced at `producedAt`. */
export function planFrame(plan: OperationView, producedAt: Date, what: string): Frame {
  return {
    reference: plan.reference,
    marking: markingText(plan.marking),
    version: plan.version,
    producedAt: ukDateTime(producedAt),
    title: `${plan.reference}: ${plan.name} — ${what}`,
  };
}

/** A command role's row: who holds it, or that nobody is named yet. */
function commanderRow(role: string, commander: CommanderView | null): string[] {
  if (!commander) return [role, 'Not named yet', '-', '-', '-'];
  return [role, commander.name, commander.rankOrGrade, commander.agency, spokenNumber(commander.phone)];
}

/** Gold, Silver and the SIO (Core: every reader), and the site commander of each location the reader sees (Places). */
function commandBlocks(plan: OperationView): Block[] {
  const { gold, silver, sio } = plan.command;
  return [
    { kind: 'subheading', text: 'Command' },
    {
      kind: 'table',
      header: ['Role', 'Name', 'Rank or grade', 'Agency', '24-hour contact'],
      rows: [
        commanderRow('Gold (strategic)', gold),
        commanderRow('Silver (tactical)', silver),
        commanderRow('Senior investigating officer', sio),
        ...(plan.locations ?? []).map((l) => commanderRow(`Bronze / site commander, ${l.label}`, l.siteCommander)),
      ],
      empty: '',
    },
  ];
}

/** The Places section (R14a): left out for a reader it is not shared with. */
function locationBlocks(plan: OperationView): Block[] {
  if (!plan.locations) return [];
  return [
    { kind: 'subheading', text: 'Locations and entry' },
    {
      kind: 'table',
      header: ['Location', 'Address', 'Postcode', 'Strike time', 'Entry'],
      rows: plan.locations.map((l) => [l.label, l.address, l.postcode, l.strikeAt ? ukDateTime(l.strikeAt) : 'Not set', entryText(l)]),
      empty: `No locations yet: a coordinator of ${plan.owningAgency.name} adds them.`,
    },
  ];
}

/**
 * The Prosecution section (R14a): the whole evidence matrix for those who see it; for a partner, the
 * requirements its own teams gather; nothing when there are none of those.
 */
function evidenceBlocks(plan: OperationView, byTeam: Map<string, DeploymentView>): Block[] {
  const whole = plan.sections.includes('PROSECUTION');
  if (!whole && plan.evidenceRequirements.length === 0) return [];
  const cps = plan.cpsInvolvement;
  return [
    { kind: 'heading', text: whole ? 'Evidence required by the CPS' : 'Evidence your agency’s teams gather for the CPS' },
    ...(whole
      ? [
          {
            kind: 'paragraph' as const,
            text: cps?.liaison
              ? `CPS liaison: ${cps.liaison.name} (${cps.liaison.email}).`
              : `No CPS liaison engaged: a coordinator of ${plan.owningAgency.name} requests early CPS involvement, and a CPS liaison accepts it.`,
          },
        ]
      : []),
    {
      kind: 'table',
      header: ['Offence', 'Evidence', 'Priority', 'Description', 'Gathered by', 'Status'],
      rows: plan.evidenceRequirements.map((r) => [
        r.offence === 'OTHER' ? `${label('offence', r.offence)}: ${r.offenceOther}` : label('offence', r.offence),
        label('evidenceType', r.evidenceType),
        label('evidencePriority', r.priority),
        r.description,
        r.assignedTeam
          ? `${r.assignedTeam.name} (${byTeam.get(r.assignedTeam.id)?.agency.code ?? r.assignedTeam.agency.code})`
          : 'Unassigned',
        label('evidenceStatus', r.status),
      ]),
      empty: 'No evidence requirements yet: the engaged CPS liaison adds what a prosecution will need.',
    },
  ];
}

/** When and where everything happens on the day, in time order: the briefing, each RV, each strike, the debrief. */
function timeline(plan: OperationView, active: DeploymentView[]): Block {
  const events: { at: string; what: string; where: string }[] = [];
  if (plan.timings.briefingAt)
    events.push({ at: plan.timings.briefingAt, what: 'Briefing', where: plan.timings.briefingPlace ?? 'Place not set' });
  for (const rv of plan.rvPoints) {
    const teams = active.filter((d) => d.rvPoint?.id === rv.id).map((d) => d.team.name);
    events.push({ at: rv.meetAt, what: `RV: ${rv.name}${teams.length ? ` (${teams.join(', ')})` : ''}`, where: rv.address });
  }
  for (const l of plan.locations ?? [])
    if (l.strikeAt) events.push({ at: l.strikeAt, what: `Strike: ${l.label}`, where: `${l.address}, ${l.postcode}` });
  if (plan.timings.debriefAt) events.push({ at: plan.timings.debriefAt, what: 'Debrief', where: plan.timings.briefingPlace ?? '-' });
  events.sort((a, b) => a.at.localeCompare(b.at));
  return {
    kind: 'table',
    header: ['Time', 'What', 'Where'],
    rows: events.map((e) => [ukDateTime(e.at), e.what, e.where]),
    empty: `No timings yet: a coordinator of ${plan.owningAgency.name} sets the briefing, the RV points, the strike times and the debrief.`,
  };
}

/** A risk's hazard as the register names it: the hazard, or what the other hazard is. */
function hazardText(risk: RiskView): string {
  return risk.hazard === 'OTHER' ? `Other: ${risk.hazardDetail}` : label('hazard', risk.hazard);
}

/**
 * A risk's hazard as a register's row shows it, `shortened` where room is short: marked when the intelligence
 * brought it, so readers know where it came from.
 */
export function hazardCell(risk: RiskView, shortened = (hazard: string) => hazard): string {
  return `${shortened(hazardText(risk))}${risk.intelligenceDerived ? ' (from intelligence)' : ''}`;
}

/** How officers may enter a location: the warrant in full, the statutory power, or the basis named. */
export function entryText(location: LocationView): string {
  const entry = location.entry;
  if (!entry) return 'Not recorded';
  if (entry.basis === 'WARRANT' && entry.warrant) {
    const w = entry.warrant;
    return `Warrant: ${w.type}, ${w.court}, ref. ${w.reference}, expires ${ukDateTime(w.expiresAt)}`;
  }
  if (entry.basis === 'STATUTORY_POWER') return `Statutory power: ${entry.power}`;
  return label('entryBasis', entry.basis);
}

function signOffBlocks(plan: OperationView): Block[] {
  if (plan.signOffs.length === 0) return [];
  return [
    { kind: 'subheading', text: 'Partner sign-off' },
    {
      kind: 'table',
      header: ['Agency', 'Sign-off', 'By', 'When'],
      rows: plan.signOffs.map((s) => [
        s.agency.code,
        s.state === 'DECLINED' && s.reason ? `Declined: ${s.reason}` : label('signOffState', s.state),
        s.by?.name ?? '-',
        s.at ? ukDateTime(s.at) : '-',
      ]),
      empty: '',
    },
  ];
}

function safeguardingBlocks(plan: OperationView): Block[] {
  const s = plan.safeguarding;
  return [
    {
      kind: 'facts',
      rows: [
        ['Expected potential victims', String(s.expectedPotentialVictims)],
        ['Languages', s.languages.join(', ') || 'None noted'],
        ['Reception centre', s.receptionCentre ?? 'Not arranged'],
        [
          'Reception centre open',
          s.receptionOpensAt && s.receptionClosesAt
            ? `${ukDateTime(s.receptionOpensAt)} to ${ukDateTime(s.receptionClosesAt)}`
            : 'Hours not given',
        ],
        ['Medical cover', s.medicalCover ?? 'Not arranged'],
      ],
    },
    { kind: 'subheading', text: 'NRM first responders on the day' },
    {
      kind: 'table',
      header: ['Name', 'Agency', 'Phone'],
      rows: s.firstResponders.map((f) => [f.name, f.agency.name, f.phone ?? '-']),
      empty: 'No first responders named yet: only officers of a first responder organisation may refer a potential victim into the NRM.',
    },
    { kind: 'subheading', text: 'Interpreters' },
    {
      kind: 'table',
      header: ['Language', 'Interpreter'],
      rows: s.interpreters.map((i) => [i.language, i.name]),
      empty: s.languages.length ? `No interpreters booked yet for ${s.languages.join(', ')}.` : 'No interpreters needed.',
    },
  ];
}

/** Why a day of action under way was stood down, and whether it recorded what it had achieved by then. */
function standDownBlocks(plan: OperationView): Block[] {
  if (plan.status !== 'STOOD_DOWN') return [];
  return [
    { kind: 'heading', text: 'Stood down' },
    { kind: 'paragraph', text: `The day of action was stood down: ${plan.cancelReason}` },
    ...(plan.outcomes ? [] : [{ kind: 'paragraph', text: 'No outcomes were recorded before it was stood down.' } as const]),
  ];
}

function outcomeBlocks(plan: OperationView): Block[] {
  if (!plan.outcomes) return [];
  const { arrests, potentialVictimsSafeguarded, nrmReferrals, premisesVisited, notes } = plan.outcomes;
  return [
    { kind: 'heading', text: plan.status === 'STOOD_DOWN' ? 'Outcomes so far' : 'Outcomes' },
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

/**
 * One line of someone's text, shown in Markdown as they typed it (CommonMark): every character that
 * could start emphasis, a heading, a table, a link, HTML, code or strike-through is escaped, and so
 * is a mark at the start that would begin a list, a quote, a heading underline or a thematic break.
 * Leading spaces go: four would turn the line into code.
 */
function literalLine(line: string): string {
  return line
    .trim()
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Someone's text as Markdown shows it: each line literal, each line break kept (a backslash at the end
 * of the line, CommonMark's hard break), a blank line still a new paragraph. `indent` continues a
 * list item's text on its later lines.
 */
function literal(text: string, indent = ''): string {
  const lines = text.split(/\r?\n/).map(literalLine);
  return lines.map((line, at) => (line && lines[at + 1] ? `${line}\\` : line)).join(`\n${indent}`);
}

/** Text on one line (a heading, a table cell): its line breaks become spaces. */
const oneLine = (text: string) => literalLine(text.replace(/\s*\r?\n\s*/g, ' '));

export function toMarkdown(blocks: Block[]): string {
  return `${blocks
    .map((block) => {
      switch (block.kind) {
        case 'marking':
          return `**${oneLine(block.text)}**`;
        case 'title':
          return `# ${oneLine(block.text)}`;
        case 'heading':
          return `## ${oneLine(block.text)}`;
        case 'subheading':
          return `### ${oneLine(block.text)}`;
        case 'paragraph':
          return literal(block.text);
        case 'facts':
          return block.rows.map(([label, value]) => `- **${oneLine(label)}:** ${literal(value, '  ')}`).join('\n');
        case 'table':
          if (block.rows.length === 0) return `_${oneLine(block.empty)}_`;
          return [block.header.map(oneLine), block.header.map(() => '---'), ...block.rows.map((row) => row.map(oneLine))]
            .map((row) => `| ${row.join(' | ')} |`)
            .join('\n');
      }
    })
    .join('\n\n')}\n`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function toHtml(blocks: Block[], marking: OperationView['marking']): string {
  const title = blocks.find((block) => block.kind === 'title');
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'marking':
          return `<p class="marking">${escape(block.text)}</p>`;
        case 'title':
          return `<h1>${escape(block.text)}</h1>`;
        case 'heading':
          return `<h2>${escape(block.text)}</h2>`;
        case 'subheading':
          return `<h3>${escape(block.text)}</h3>`;
        case 'paragraph':
          return block.text
            .split(/\n{2,}/)
            .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
            .join('');
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
.marking{font-weight:700;text-align:center;letter-spacing:.05em}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}.marking{display:none}}
${printedMarkingCss(marking)}
</style></head>
<body>
${body}
</body></html>
`;
}
