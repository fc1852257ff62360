// The screen's clock: the center's wall time (the snapshot's timeZone) at the server's time
// (X-Server-Time of each poll), whatever zone and time the display PC is set to.
export function createClock(dateNode, timeNode) {
  let offsetMs = 0;
  let zone = null;
  let timeFormat = null;
  let dateFormat = null;

  function tick() {
    if (!timeFormat) return;
    const now = new Date(Date.now() + offsetMs);
    const parts = {};
    for (const p of timeFormat.formatToParts(now)) parts[p.type] = p.value;
    timeNode.textContent = `${parts.hour}:${parts.minute}:${parts.second}`;
    dateNode.textContent = dateFormat.format(now);
  }

  return {
    /** The center's IANA zone, from the snapshot. */
    setZone(timeZone) {
      if (!timeZone || timeZone === zone) return;
      try {
        timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
        dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric', weekday: 'long' });
        zone = timeZone;
        tick();
      } catch {
        // An unknown zone keeps the last one.
      }
    },
    /** The server's time of an answer to a request sent at `sentAt` and read at `readAt`. */
    setServerTime(iso, sentAt, readAt) {
      const server = Date.parse(iso || '');
      if (Number.isNaN(server)) return;
      offsetMs = server - (sentAt + readAt) / 2;
    },
    start() {
      tick();
      setInterval(tick, 250);
    },
  };
}
