// Put first in every page the cross-engine tests open: collects in
// `window.__problems` what the page reports as wrong (uncaught errors,
// rejections nobody handled, resources that failed to load, console.error
// calls, Content-Security-Policy violations), the same in every browser.
// (Not seen here: a resource failing inside a shadow root, whose error does
// not leave it, and what a page reported before the test navigated away;
// the test server reports every request it answers with an error.)
(function () {
  'use strict';
  var problems = (window.__problems = []);
  function text(value) {
    return value && value.message ? value.message : String(value);
  }
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName) {
        problems.push('failed to load: ' + (target.src || target.href || target.tagName));
      } else {
        problems.push('error: ' + text(event.error || event.message));
      }
    },
    true,
  );
  // (A rejection handled late is taken back.)
  var rejections = [];
  window.addEventListener('unhandledrejection', function (event) {
    rejections.push(event.promise);
    problems.push('unhandled rejection: ' + text(event.reason));
  });
  window.addEventListener('rejectionhandled', function (event) {
    var at = rejections.indexOf(event.promise);
    var said = problems.indexOf('unhandled rejection: ' + text(event.reason));
    if (at >= 0 && said >= 0) {
      rejections.splice(at, 1);
      problems.splice(said, 1);
    }
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    problems.push('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
  });
  var error = console.error;
  console.error = function () {
    problems.push('console error: ' + Array.prototype.map.call(arguments, text).join(' '));
    return error.apply(console, arguments);
  };
})();
