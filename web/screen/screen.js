// Lobby screen: polls /api/v1/screens/:hallCode with the device token (If-None-Match → 304),
// shows calls and waiting counts, highlights new calls, and keeps the last snapshot with a
// "连接中断" mark while the API cannot be reached, recovering by itself.
(function () {
  'use strict';
  var hallCode = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  var params = new URLSearchParams(location.search);
  var token = params.get('token') || '';
  var interval = Math.max(500, Number(params.get('interval')) || 2000);
  var etag = null;
  var shownCalls = {};
  var firstRender = true;

  function $(id) {
    return document.getElementById(id);
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setOnline(online, message) {
    document.body.classList.toggle('offline', !online);
    $('status').hidden = online;
    if (!online) $('status').textContent = message || '连接中断';
  }

  function renderWindows(windows) {
    var grid = $('windows');
    var fresh = [];
    grid.textContent = '';
    windows.forEach(function (w) {
      var card = el('div', 'window');
      card.dataset.window = w.code;
      var current = w.current ? w.current.ticketNo : '—';
      card.appendChild(el('div', 'name', w.name));
      card.appendChild(el('div', 'current', current));
      card.appendChild(el('div', 'previous', w.previous ? '上一号 ' + w.previous.ticketNo : ''));
      var key = w.current ? w.current.ticketNo + '@' + w.current.calledAt : '';
      if (key && shownCalls[w.code] !== key && !firstRender) fresh.push({ card: card, ticketNo: current, name: w.name });
      shownCalls[w.code] = key;
      grid.appendChild(card);
    });
    if (fresh.length) announce(fresh);
  }

  var bannerTimer = null;
  function announce(calls) {
    calls.forEach(function (call) {
      call.card.classList.add('new-call');
    });
    var banner = $('call-banner');
    banner.textContent = calls
      .map(function (c) {
        return '请 ' + c.ticketNo + ' 号到 ' + c.name + ' 办理';
      })
      .join('　');
    banner.hidden = false;
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(function () {
      banner.hidden = true;
    }, 15000);
  }

  function renderWaiting(groups, windows) {
    var names = {};
    windows.forEach(function (w) {
      names[w.code] = w.name;
    });
    var list = $('waiting');
    list.textContent = '';
    groups.forEach(function (g) {
      var item = el('li');
      item.dataset.group = g.windowGroup;
      item.appendChild(
        el(
          'span',
          'group',
          g.windows
            .map(function (c) {
              return names[c] || c;
            })
            .join('、'),
        ),
      );
      item.appendChild(el('span', 'count', g.count + ' 人'));
      list.appendChild(item);
    });
  }

  function render(snapshot) {
    renderWindows(snapshot.windows);
    renderWaiting(snapshot.waiting, snapshot.windows);
    $('today-booked').textContent = snapshot.today.booked;
    $('today-arrived').textContent = snapshot.today.arrived;
    $('today-served').textContent = snapshot.today.served;
    $('today-wait').textContent = snapshot.today.averageWaitMinutes === null ? '-' : snapshot.today.averageWaitMinutes + ' 分钟';
    $('announcements').textContent = snapshot.announcements
      .map(function (a) {
        return a.text;
      })
      .join('　　');
    firstRender = false;
  }

  function poll() {
    var headers = { 'X-Screen-Token': token };
    if (etag) headers['If-None-Match'] = etag;
    fetch('/api/v1/screens/' + encodeURIComponent(hallCode), { headers: headers, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 304) return setOnline(true);
        if (response.status === 401 || response.status === 403) return setOnline(false, '设备未授权');
        if (!response.ok) throw new Error('HTTP ' + response.status);
        etag = response.headers.get('ETag');
        return response.json().then(function (snapshot) {
          render(snapshot);
          setOnline(true);
        });
      })
      .catch(function () {
        setOnline(false);
      })
      .then(function () {
        setTimeout(poll, interval);
      });
  }

  function tick() {
    var now = new Date();
    $('clock').textContent = [now.getHours(), now.getMinutes(), now.getSeconds()]
      .map(function (n) {
        return String(n).padStart(2, '0');
      })
      .join(':');
  }

  $('hall-title').textContent = '政务服务中心 · ' + hallCode + ' 叫号大屏';
  tick();
  setInterval(tick, 1000);
  poll();
})();
