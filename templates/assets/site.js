// sitegen's only script. Without it every page still works: the lists stay complete and the
// 404 page still links home. With it: search as you type, and the 404 page sends short,
// reversed or outdated code URLs to the canonical page (for hosts that ignore _redirects).
(function () {
  'use strict';

  // Text as search compares it: lower case, without accents or Arabic vowel marks (NFD splits
  // "é" into "e" and a mark, "أ" into "ا" and a hamza mark), with one form of the letters people
  // type either way: ß/ss, ’/', the Arabic alef wasla, alef maqsura, ta marbuta and tatweel.
  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
      .replace(/ß/g, 'ss').replace(/œ/g, 'oe').replace(/[’‘]/g, "'")
      .replace(/ٱ/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ـ/g, '');
  }

  function terms(query) {
    return fold(query).split(/\s+/).filter(Boolean);
  }

  // A number matches the start of a code ("53" finds 530 and 535); words match anywhere.
  function matches(code, text, words) {
    return words.every(function (word) {
      return /^\d+$/.test(word) ? code.indexOf(word) === 0 : text.indexOf(word) !== -1;
    });
  }

  var indexes = {};
  function loadIndex(url) {
    if (!indexes[url]) {
      indexes[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return indexes[url];
  }

  // Protocol index pages: filter the list that is already on the page.
  function filterList(input) {
    var root = document.getElementById(input.dataset.filter);
    var empty = document.getElementById('search-empty');
    input.addEventListener('input', function () {
      var words = terms(input.value);
      var shown = 0;
      root.querySelectorAll('li[data-search]').forEach(function (item) {
        if (item.folded === undefined) item.folded = fold(item.dataset.search);
        var visible = matches(item.dataset.code, item.folded, words);
        item.hidden = !visible;
        if (visible) shown++;
      });
      root.querySelectorAll('section').forEach(function (section) {
        section.hidden = !section.querySelector('li[data-search]:not([hidden])');
      });
      empty.hidden = shown > 0;
    });
  }

  // Home and 404 pages: search the index the build wrote for this language.
  function searchIndex(input) {
    var results = document.getElementById(input.dataset.results);
    var empty = document.getElementById('search-empty');
    input.addEventListener('input', function () {
      var words = terms(input.value);
      loadIndex(input.dataset.index).then(function (entries) {
        results.textContent = '';
        if (!words.length) {
          empty.hidden = true;
          return;
        }
        var found = entries.filter(function (e) {
          if (e.folded === undefined) e.folded = fold(e.p + ' ' + e.c + ' ' + e.n + ' ' + e.s + ' ' + (e.w || ''));
          return matches(e.c, e.folded, words);
        }).slice(0, 50);
        found.forEach(function (e) {
          var item = document.createElement('li');
          var link = document.createElement('a');
          link.href = input.dataset.root + e.u;
          link.textContent = e.p + ' ' + e.c + ' ' + e.n;
          var summary = document.createElement('p');
          if (e.e) {  // an untranslated summary is English inside this page's language
            summary.lang = 'en';
            summary.dir = 'ltr';
          }
          summary.textContent = e.s;
          item.appendChild(link);
          item.appendChild(summary);
          results.appendChild(item);
        });
        empty.hidden = found.length > 0;
      });
    });
  }

  // The 404 page: /compare/smtp/535-…-vs-214-…/, /smtp/535/ and /compare/smtp/535-vs-214/ lead
  // to the canonical page, in any language folder. A host with a single 404 page (GitHub Pages)
  // serves the default locale's everywhere: a missing URL in another locale's folder moves on to
  // that locale's 404 page, which finds the missing path in its query (?/fr/smtp/999/).
  function redirectMissingPage(main, input) {
    var base = main.dataset.base;
    var path;
    try {
      path = location.search.indexOf('?/') === 0 ? decodeURIComponent(location.search.slice(1))
                                                  : decodeURIComponent(location.pathname);
    } catch (e) {
      return;  // a malformed %-sequence: no page to send the reader to
    }
    if (path.indexOf(base) !== 0) return;
    var rest = path.slice(base.length);
    // The locale folders ("fr/ pt-BR/") and the pairs' folder ("compare/") come from the page:
    // the URL scheme lives in one place, the generator's urls.cc.
    var prefix = '';
    (main.dataset.locales || '').split(' ').forEach(function (candidate) {
      if (candidate && rest.indexOf(candidate) === 0 && candidate.length > prefix.length) prefix = candidate;
    });
    rest = rest.slice(prefix.length);
    function notFoundInReadersLocale() {
      if (prefix === main.dataset.prefix) return;
      location.replace(base + prefix + main.dataset.notFoundFile + '?' + encodeURI(path));
    }
    var pairs = main.dataset.pairs;
    var pair = pairs && rest.indexOf(pairs) === 0 ?
      rest.slice(pairs.length).match(/^([a-z0-9-]+)\/(\d{3})(-[a-z0-9-]*?)?-vs-(\d{3})(-[a-z0-9-]*?)?\/?$/) : null;
    var code = rest.match(/^([a-z0-9-]+)\/(\d{3})(-[a-z0-9-]*)?\/?$/);
    if (!pair && !code) {
      notFoundInReadersLocale();
      return;
    }
    loadIndex(input.dataset.index).then(function (entries) {
      function slug(protocol, number) {
        for (var i = 0; i < entries.length; i++) {
          var parts = entries[i].u.split('/');
          if (parts[0] === protocol && entries[i].c === number) return parts[1];
        }
        return null;
      }
      var target = null;
      if (pair) {
        var low = Math.min(+pair[2], +pair[4]).toString();
        var high = Math.max(+pair[2], +pair[4]).toString();
        var a = slug(pair[1], low);
        var b = slug(pair[1], high);
        if (a && b && low !== high) target = prefix + pairs + pair[1] + '/' + a + '-vs-' + b + '/';
      } else {
        var s = slug(code[1], code[2]);
        if (s) target = prefix + code[1] + '/' + s + '/';
      }
      if (target && base + target !== path) location.replace(base + target);
      else notFoundInReadersLocale();
    });
  }

  document.querySelectorAll('input[data-filter]').forEach(filterList);
  document.querySelectorAll('input[data-index]').forEach(searchIndex);
  var main = document.querySelector('main[data-not-found]');
  var input = document.querySelector('input[data-index]');
  if (main && input) redirectMissingPage(main, input);
})();
