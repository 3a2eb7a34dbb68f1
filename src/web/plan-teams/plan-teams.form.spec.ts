import { answerFields, answerOf } from './plan-teams.form';

describe('a partner’s answer to a request for their team', () => {
  it('reads which request, against which version of it, and whether it confirms or declines with a reason', () => {
    const body = { deploymentId: 'd-1', deploymentVersion: '3', answer: 'confirm', reason: '' };
    expect(answerOf(body)).toEqual({ deploymentId: 'd-1', version: 3, reason: '', confirms: true });
    expect(answerOf({ ...body, answer: 'decline', reason: 'No officers free' })).toMatchObject({
      confirms: false,
      reason: 'No officers free',
    });
  });

  it('shows a refused reason against the request it answers, anything else above the form', () => {
    const fields = answerFields('d-1');
    expect([fields.id('reason'), fields.id('version')]).toEqual(['reason-d-1', '']);
  });
});
