import { ukDay } from '../common/uk-time';
import type { SubjectView } from './dto/subject.dto';

/** A subject in one line, as its plan's readers see it: a person's name, date of birth and aliases; a number, registration or address as entered. */
export function subjectLine(subject: SubjectView): string {
  switch (subject.kind) {
    case 'PERSON':
      return `${subject.fullName}${subject.dateOfBirth ? `, born ${ukDay(subject.dateOfBirth)}` : ''}${subject.aliases.length ? `; also known as ${subject.aliases.join(', ')}` : ''}`;
    case 'PHONE':
      return subject.phone ?? '';
    case 'VEHICLE':
      return subject.registration ?? '';
    case 'EMAIL':
      return subject.email ?? '';
  }
}
