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

  // A word of digits and dots matches the start of a code ("53" finds 530 and 535, "5.7" every
  // 5.7.x); "x" stands for any class ("x.7.1" finds 4.7.1 and 5.7.1); other words match anywhere.
  // A dotted code also finds the codes whose explanation names it ("5.7.8" finds 535).
  function isCodeWord(word) {
    return /^[\dx](\.?\d)*\.?$/.test(word) && /\d/.test(word);
  }
  function codeStarts(code, word) {
    return (word.charAt(0) === 'x' ? code.replace(/^\d/, 'x') : code).indexOf(word) === 0;
  }
  function named(text, word) {
    return word.indexOf('.') > 0 && (' ' + text + ' ').indexOf(' ' + word + ' ') !== -1;
  }
  function matches(code, text, words) {
    return words.every(function (word) {
      return isCodeWord(word) ? codeStarts(code, word) || named(text, word) : text.indexOf(word) !== -1;
    });
  }

  // What the reader typed: words, or a reply line pasted from a bounce ("550 5.7.1 Message
  // rejected", "550-5.7.1 …", "550 Mailbox unavailable"), which stands for its codes, the most
  // specific first, whatever text the server added.
  function parseQuery(query) {
    var folded = fold(query);
    var reply = folded.match(/^\s*(\d{3})[\s-]+(\d\.\d{1,3}\.\d{1,3})(?=$|[\s.,;:])/) ||
      folded.match(/^\s*(\d{3})(?:[\s-]+)(?=[^\s\d.])/);
    return { words: terms(query), codes: reply ? reply.slice(1).filter(Boolean).reverse() : [] };
  }

  // Where an entry ranks for a query, lower first; -1 when it does not match. A code the reader
  // typed in full comes first, then codes that start so, then names, then any other words.
  function rank(code, name, text, query) {
    if (query.codes.length) return query.codes.indexOf(code);
    var words = query.words;
    if (!words.length || !matches(code, text, words)) return -1;
    if (words.length === 1 && isCodeWord(words[0])) {
      if (!codeStarts(code, words[0])) return 3;  // named in its explanation
      return (words[0].charAt(0) === 'x' ? code.replace(/^\d/, 'x') : code) === words[0] ? 0 : 1;
    }
    return words.every(function (word) { return isCodeWord(word) || name.indexOf(word) !== -1; }) ? 2 : 3;
  }

  var indexes = {};
  function loadIndex(url) {
    if (!indexes[url]) {
      indexes[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
    return indexes[url];
  }
  function fold_entry(e) {
    if (e.folded === undefined) {
      e.folded = fold(e.p + ' ' + e.c + ' ' + e.n + ' ' + e.s + ' ' + (e.w || ''));
      e.foldedName = fold(e.p + ' ' + e.n);
    }
    return e;
  }

  // One polite status line says how many codes match (or that none do, or that the index could
  // not be loaded); the lists themselves are not live regions.
  function announce(input, count) {
    var status = document.getElementById('search-status');
    var empty = document.getElementById('search-empty');
    if (empty) empty.hidden = count !== 0;
    if (!status) return;
    status.textContent = count === null ? '' : count < 0 ? input.dataset.failed :
      count === 0 ? (empty ? empty.textContent : '') : input.dataset.count.replace('{count}', count);
  }

  // Enter opens the first result; the arrow keys move through the results' links.
  function navigate(input, links) {
    input.addEventListener('keydown', function (event) {
      var list = links();
      if (event.key === 'Enter' && list.length) {
        event.preventDefault();
        location.href = list[0].href;
      } else if (event.key === 'ArrowDown' && list.length) {
        event.preventDefault();
        list[0].focus();
      }
    });
    input.closest('.search').addEventListener('keydown', function (event) {
      if (event.target === input || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
      var list = links();
      var at = list.indexOf(event.target);
      if (at < 0) return;
      event.preventDefault();
      if (event.key === 'ArrowUp' && at === 0) input.focus();
      else if (list[at + (event.key === 'ArrowDown' ? 1 : -1)]) list[at + (event.key === 'ArrowDown' ? 1 : -1)].focus();
    });
  }

  // Protocol index pages: filter the list that is already on the page, by the locale's index
  // (names, summaries and the words of each explanation) once it is loaded, by the list's own
  // text until then.
  function filterList(input) {
    var root = document.getElementById(input.dataset.filter);
    var items = Array.prototype.slice.call(root.querySelectorAll('li[data-search]'));
    var byCode = null;
    if (input.dataset.index) {
      loadIndex(input.dataset.index).then(function (entries) {
        byCode = {};
        entries.forEach(function (e) {
          if (e.u.indexOf(input.dataset.protocol) === 0) byCode[e.c] = fold_entry(e);
        });
      }).catch(function () {});
    }
    function visibleLinks() {
      return items.filter(function (item) { return !item.hidden; }).map(function (item) { return item.querySelector('a'); });
    }
    function update() {
      var query = parseQuery(input.value);
      var shown = 0;
      items.forEach(function (item) {
        if (item.folded === undefined) item.folded = fold(item.dataset.search);
        var e = byCode && byCode[item.dataset.code];
        var visible = !query.words.length ||
          (e ? rank(e.c, e.foldedName, e.folded, query) : rank(item.dataset.code, item.folded, item.folded, query)) >= 0;
        item.hidden = !visible;
        if (visible) shown++;
      });
      root.querySelectorAll('section').forEach(function (section) {
        section.hidden = !section.querySelector('li[data-search]:not([hidden])');
        var jump = document.querySelector('.class-jump a[href="#' + section.id + '"]');
        if (jump) jump.parentNode.hidden = section.hidden;
      });
      announce(input, query.words.length ? shown : null);
    }
    input.addEventListener('input', update);
    if (input.dataset.index) loadIndex(input.dataset.index).then(function () { if (input.value) update(); }, function () {});
    navigate(input, visibleLinks);
  }

  // Home and 404 pages: search the index the build wrote for this language.
  function searchIndex(input) {
    var results = document.getElementById(input.dataset.results);
    function update() {
      var query = parseQuery(input.value);
      loadIndex(input.dataset.index).then(function (entries) {
        results.textContent = '';
        if (!query.words.length) {
          announce(input, null);
          return;
        }
        var ranked = [];
        entries.forEach(function (e, at) {
          fold_entry(e);
          var r = rank(e.c, e.foldedName, e.folded, query);
          if (r >= 0) ranked.push({ rank: r, at: at, entry: e });
        });
        // Stable: within a rank, the index's order (protocol, then code).
        ranked.sort(function (x, y) { return x.rank - y.rank || x.at - y.at; });
        var found = ranked.slice(0, 50).map(function (x) { return x.entry; });
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
        announce(input, ranked.length);
      }, function () {
        announce(input, -1);
      });
    }
    input.addEventListener('input', update);
    navigate(input, function () { return Array.prototype.slice.call(results.querySelectorAll('a')); });
    // The header's search box of every other page sends its words here (?q=…).
    var asked = new URLSearchParams(location.search).get('q');
    if (asked && !input.value) {
      input.value = asked;
      update();
    }
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
      if (candidate && rest.toLowerCase().indexOf(candidate.toLowerCase()) === 0 && candidate.length > prefix.length) {
        prefix = candidate;
      }
    });
    // URLs are lower case: /SMTP/535/ is /smtp/535/.
    rest = rest.slice(prefix.length).toLowerCase();
    function notFoundInReadersLocale() {
      if (prefix === main.dataset.prefix) return;
      location.replace(base + prefix + main.dataset.notFoundFile + '?' + encodeURI(path));
    }
    var pairs = main.dataset.pairs;
    // A code is digits, or dotted digits (5.7.1), as the catalog's code formats write them.
    var pair = pairs && rest.indexOf(pairs) === 0 ?
      rest.slice(pairs.length).match(/^([a-z0-9-]+)\/(\d+(?:\.\d+){0,2})(-[a-z0-9-]*?)?-vs-(\d+(?:\.\d+){0,2})(-[a-z0-9-]*?)?\/?$/) : null;
    var code = rest.match(/^([a-z0-9-]+)\/(\d+(?:\.\d+){0,2})(-[a-z0-9-]*)?\/?$/);
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
        // The lower code first, comparing dotted codes number by number (5.7.9 before 5.7.10).
        var lower = function (x, y) {
          var a = x.split('.').map(Number), b = y.split('.').map(Number);
          for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
          return false;
        };
        var low = lower(pair[4], pair[2]) ? pair[4] : pair[2];
        var high = low === pair[2] ? pair[4] : pair[2];
        var a = slug(pair[1], low);
        var b = slug(pair[1], high);
        if (a && b && low !== high) target = prefix + pairs + pair[1] + '/' + a + '-vs-' + b + '/';
        else if (a && low === high) target = prefix + pair[1] + '/' + a + '/';  // a code against itself: its page
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
