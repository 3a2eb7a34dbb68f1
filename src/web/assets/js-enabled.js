// The class names GOV.UK Frontend's template sets from an inline script, set from a file so that
// the content security policy needs no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
