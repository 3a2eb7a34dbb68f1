import { codeSpeak, KNOWN_UNFIXED } from '../support/plain-english';
import { readableText } from '../support/readable-text';

const kinds = (text: string) => codeSpeak(text).map(({ kind, match }) => `${kind} ${match}`);

describe('the plain-English check', () => {
  it.each([
    ['R1: VICTIM_SUPPORT may not lead an operation', ['rule id R1', 'enum code VICTIM_SUPPORT']],
    ['Refused under R14b', ['rule id R14b']],
    ['A ACTIVE operation cannot cancel; that needs DRAFT or SUBMITTED', ['code word ACTIVE', 'code word DRAFT', 'code word SUBMITTED']],
    ['The plan is STOOD_DOWN', ['enum code STOOD_DOWN']],
    ['Requirement for MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR', ['enum code MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR']],
    ['The team is CONFIRMED and the evidence GATHERED', ['code word CONFIRMED', 'code word GATHERED']],
    ['OffenceOther is only for offence OTHER', ['code word OTHER']],
    ['EndsAt must be after startsAt', ['field name startsAt']],
    ['The request is invalid: endsAt: must be a Date', ['field name endsAt']],
  ])('finds what speaks code in "%s"', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    'A victim support organisation cannot lead a day of action',
    'The end must be after the start',
    'OP-2026-0001 is marked OFFICIAL-SENSITIVE',
    'OFFICIAL: handle with care',
    'Requested from NCA, GLAA, HMRC, DWP and the CPS; CCTV to be seized',
    'Glam Nails, 101 High Street North, E6 1HZ',
    'Thu, 10 December 2026 at 06:00 GMT',
    'JavaScript is off; Day of action planner',
    '1 location, 2 officers',
    'Draft, Submitted for review, Under way, Stood down',
  ])('passes good English: "%s"', (text) => {
    expect(codeSpeak(text)).toEqual([]);
  });

  it('exempts no message but those another change has still to rewrite', () => {
    for (const message of KNOWN_UNFIXED) expect(codeSpeak(message)).not.toEqual([]);
  });
});

describe('the words a person reads in a response', () => {
  it('are an error’s message and the problems it lists, not its code, field names or details', () => {
    const body = JSON.stringify({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Check the form',
      details: { fields: [{ field: 'endsAt', problems: ['Enter the end'] }], yourVersion: 3 },
    });
    expect(readableText('application/json; charset=utf-8', body)).toEqual(['Check the form', 'Enter the end']);
  });

  it('are a readiness check’s message and a history entry’s summary, not their ids', () => {
    const body = JSON.stringify({
      checks: [{ id: 'LEAD_ASSIGNED', message: 'Choose the lead agency' }],
      events: [{ action: 'PLAN_UPDATED', summary: ['Name: A → B'] }],
    });
    expect(readableText('application/json', body)).toEqual(['Choose the lead agency', 'Name: A → B']);
  });

  it('are a page’s visible text and what a screen reader speaks, not its scripts, styles, attributes or literal values', () => {
    const page = `<!DOCTYPE html><html><head><title>Plans &ndash; Day of action planner</title><style>.govuk-x{color:red}</style></head>
      <body><script>window.startsAt = 'DRAFT';</script><!-- statusTag -->
      <h1 class="govuk-heading-l">Plans</h1><p class="govuk-body">Shown <strong>1 location</strong> for &#39;Glam&#39; &amp; co</p>
      <a href="/plans?status=DRAFT" data-module="govuk-button">Change<span class="govuk-visually-hidden"> RV points</span></a>
      <img src="/x.png" alt="Map of the area"><input name="endsAt" value="ACTIVE" aria-label="End time">
      <code id="calendar-link">https://example.test/calendar/abC_DEF.ics</code></body></html>`;
    expect(readableText('text/html; charset=utf-8', page)).toEqual([
      'Plans – Day of action planner',
      'Plans',
      "Shown 1 location for 'Glam' & co",
      'Change RV points',
      'Map of the area',
      'End time',
    ]);
  });

  it('are nothing in other files: CSV, calendars, scripts', () => {
    expect(readableText('text/csv', 'status\nDRAFT')).toEqual([]);
    expect(readableText('text/calendar', 'STATUS:CANCELLED')).toEqual([]);
    expect(readableText('application/javascript', 'const startsAt = 1')).toEqual([]);
  });
});
