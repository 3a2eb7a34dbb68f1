import { SUBJECT_KINDS } from '../../common/domain';
import { label } from '../../common/labels';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { SubjectView } from '../../subjects/dto/subject.dto';
import { subjectLine } from '../../subjects/subject-line';
import type { ConflictView } from '../../workflow/dto/workflow.dto';
import { hitsOnPage } from '../hits-view';

/** The subjects page: each subject in a line, the hits raised on subjects, the kinds to add, and whether the plan's intelligence is shared with the reader. */
export function subjectsView(plan: Pick<OperationView, 'sections'>, subjects: SubjectView[], hits: ConflictView[]) {
  return {
    rows: subjects.map((subject) => ({
      id: subject.id,
      kind: label('subjectKind', subject.kind),
      text: subjectLine(subject),
      addedBy: subject.addedBy.name,
      addedAt: subject.addedAt,
    })),
    // Drawn from every hit, then narrowed: whether one is covered by a later hit depends on hits of any kind.
    subjectHits: hitsOnPage(hits).filter((hit) => hit.kinds.some((kind) => kind !== 'PLACE')),
    kinds: SUBJECT_KINDS.map((kind) => ({ value: kind, text: label('subjectKind', kind) })),
    shared: plan.sections.includes('INTELLIGENCE'),
  };
}
