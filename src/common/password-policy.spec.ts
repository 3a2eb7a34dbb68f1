import { passwordProblems } from './password-policy';

describe('the password policy', () => {
  const email = 'jo.bloggs@met.police.uk';

  it('accepts a long password of unrelated words, with no composition rules', () => {
    expect(passwordProblems('tangerine ladder volcano', email)).toEqual([]);
    expect(passwordProblems('correcthorsebatterystaplez', email)).toEqual([]);
  });

  it.each([
    ['too short', 'Short1!', 'Enter a password of at least 12 characters'],
    ['one of the most common passwords', '1q2w3e4r5t6y', 'too common'],
    ['a common password in other case', 'QWERTYUIOP123', 'too common'],
    ['one character repeated', 'aaaaaaaaaaaa', 'too common'],
    ['a repeated pattern', 'abcabcabcabc', 'too common'],
    ['the email’s own name', 'Jo.Bloggs2026!', 'must not contain the email address or its name'],
  ])('refuses %s', (_name, password, problem) => {
    expect(passwordProblems(password, email)).toEqual([expect.stringContaining(problem)]);
  });
});
