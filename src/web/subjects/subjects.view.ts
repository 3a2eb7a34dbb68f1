import { SUBJECT_KINDS } from '../../common/domain';
import { label } from '../../common/labels';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { SubjectView } from '../../subjects/dto/subject.dto';
import type { ConflictView } from '../../workflow/dto/workflow.dto';
import { hitsOnPage } from '../hits-view';

const birthDateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A date of birth (YYYY-MM-DD, a calendar date with no time zone) as the GOV.UK style writes dates: 1 February 1980. */
function ukBirthDate(date: string): string {
  return birthDateFormat.format(new Date(`${date}T00:00:00Z`));
}

/** A subject in one line, as its plan's readers see it. */
function describe(subject: SubjectView): string {
  switch (subject.kind) {
    case 'PERSON':
      return `${subject.fullName}${subject.dateOfBirth ? `, born ${ukBirthDate(subject.dateOfBirth)}` : ''}${subject.aliases.length ? `; also known as ${subject.aliases.join(', ')}` : ''}`;
    case 'PHONE':
      return subject.phone ?? '';
    case 'VEHICLE':
      return subject.registration ?? '';
    case 'EMAIL':
      return subject.email ?? '';
  }
}

/** The subjects page: each subject in a line, the hits raised on subjects, the kinds to add, and whether the plan's intelligence is shared with the reader. */
export function subjectsView(plan: Pick<OperationView, 'sections'>, subjects: SubjectView[], hits: ConflictView[]) {
  return {
    rows: subjects.map((subject) => ({
      id: subject.id,
      kind: label('subjectKind', subject.kind),
      text: describe(subject),
      addedBy: subject.addedBy.name,
      addedAt: subject.addedAt,
    })),
    // Drawn from every hit, then narrowed: whether one is covered by a later hit depends on hits of any kind.
    subjectHits: hitsOnPage(hits).filter((hit) => hit.kinds.some((kind) => kind !== 'PLACE')),
    kinds: SUBJECT_KINDS.map((kind) => ({ value: kind, text: label('subjectKind', kind) })),
    shared: plan.sections.includes('INTELLIGENCE'),
  };
}
