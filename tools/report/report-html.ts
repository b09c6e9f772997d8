import { escapeHtml } from './escape-html';
import type { ReportModel } from './report-model';
import { RATE_DEFINITIONS, RATE_ORDER, type Rate } from './report-figures';
import { countChart, rateChart } from './svg-chart';
import { REPORT_CSS } from './report-css';

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no external
 * request (its Content-Security-Policy forbids both), every user-typed text escaped.
 */
export function reportHtml(model: ReportModel): string {
  const period =
    model.first && model.last ? `${model.first.slice(0, 10)} to ${model.last.slice(0, 10)}` : 'no events yet';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(model.title)}: ${escapeHtml(period)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(model.title)}</h1>
<p class="lede">${escapeHtml(period)} · ${number(model.events)} events · about ${number(model.conversations)} conversations · ${escapeHtml(model.source)}</p>
</header>
<main>
${tiles(model)}
${charts(model)}
${unanswered(model)}
${articles(model)}
${flows(model)}
${breakdowns(model)}
</main>
${notes(model)}
</body>
</html>
`;
}

function tiles(model: ReportModel): string {
  const items = RATE_ORDER.map((name) => {
    const rate = model.rates[name];
    return (
      `<li class="tile"><span class="label">${RATE_DEFINITIONS[name].title}</span>` +
      `<span class="value">${percent(rate)}</span>` +
      `<span class="detail">${detail(rate)} ${escapeHtml(RATE_DEFINITIONS[name].of)}</span></li>`
    );
  }).join('');
  const average =
    model.totalRatings > 0
      ? ` Average rating ${model.averageRating.toFixed(1)} of 5 from ${number(model.totalRatings)}.`
      : '';
  return `<section aria-labelledby="at-a-glance"><h2 id="at-a-glance">At a glance</h2><ul class="tiles">${items}</ul><p class="note">${average}</p></section>`;
}

function charts(model: ReportModel): string {
  const label = (start: string) => (model.unit === 'week' ? `wk ${start.slice(5)}` : start.slice(5));
  const volume = countChart({
    id: 'chart-questions',
    title: `Questions by ${model.unit}`,
    description: `Questions asked by ${model.unit}: ${model.periods.length} ${model.unit}s, ${number(model.questions)} in all.`,
    points: model.periods.map((period) => ({ label: label(period.start), value: period.questions })),
  });
  const rates = RATE_ORDER.map((name) => {
    const points = model.periods.map((period) => ({ label: label(period.start), value: period.rates[name].value }));
    const shown = points.filter((point) => point.value !== undefined);
    const last = shown[shown.length - 1];
    const description =
      `${RATE_DEFINITIONS[name].title} by ${model.unit}, ${RATE_DEFINITIONS[name].of}: ` +
      (last
        ? `${shown.length} ${model.unit}s with data, the last (${last.label}) at ${Math.round((last.value ?? 0) * 100)}%.`
        : 'no data.');
    const chart = rateChart({
      id: `chart-${name}`,
      title: `${RATE_DEFINITIONS[name].title} by ${model.unit}`,
      description,
      points,
    });
    return `<figure>${chart}<figcaption>${RATE_DEFINITIONS[name].title} <span>(${percent(model.rates[name])} overall)</span></figcaption></figure>`;
  }).join('');
  return (
    `<section aria-labelledby="over-time"><h2 id="over-time">Over time, by ${model.unit}</h2>` +
    `<div class="charts"><figure>${volume}<figcaption>Questions asked</figcaption></figure>${rates}</div></section>`
  );
}

function unanswered(model: ReportModel): string {
  const heading = '<h2 id="unanswered">Top unanswered questions</h2>';
  const groups = model.unanswered;
  if (groups.length === 0) {
    const why = model.textKept
      ? 'No unanswered questions in this period.'
      : 'The questions themselves are not kept: a firm turns that on with ANALYTICS_KEEP_TEXT=true (redacted, see docs/analytics.md).';
    return `<section aria-labelledby="unanswered">${heading}<p>${escapeHtml(why)}</p>${topics(model)}</section>`;
  }
  const rows = groups
    .map((group) => {
      const examples = group.examples.map((example) => `<li>${escapeHtml(example)}</li>`).join('');
      const closest = group.closest
        ? `${escapeHtml(group.closest.title)} <span class="id">${escapeHtml(group.closest.id)}</span>`
        : '<span class="muted">none close: a new article?</span>';
      return `<tr><td class="num">${number(group.count)}</td><td><ul class="examples">${examples}</ul></td><td>${closest}</td></tr>`;
    })
    .join('');
  return (
    `<section aria-labelledby="unanswered">${heading}` +
    '<p>Questions the bot declined, grouped when they share most of their words. <code>npm run report</code> also prints them as YAML to paste into <code>knowledge/</code>.</p>' +
    `<table><caption>Unanswered questions, most asked first</caption><thead><tr><th scope="col">Asked</th><th scope="col">As people wrote it</th><th scope="col">Closest article</th></tr></thead><tbody>${rows}</tbody></table>` +
    `${topics(model)}</section>`
  );
}

function topics(model: ReportModel): string {
  if (model.topics.length === 0) return '';
  const rows = model.topics
    .map((topic) => `<tr><td>${escapeHtml(topic.key)}</td><td class="num">${number(topic.count)}</td></tr>`)
    .join('');
  return `<table><caption>Declined by topic (out of scope)</caption><thead><tr><th scope="col">Topic</th><th scope="col">Declined</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function articles(model: ReportModel): string {
  const heading = '<h2 id="least-helpful">Least helpful articles</h2>';
  if (model.articles.length === 0) {
    return `<section aria-labelledby="least-helpful">${heading}<p>No answer was marked "not helpful" in this period.</p></section>`;
  }
  const rows = model.articles
    .map((row) => {
      const asked =
        row.examples.length > 0
          ? `<ul class="examples">${row.examples.map((example) => `<li>${escapeHtml(example)}</li>`).join('')}</ul>`
          : '';
      const votes = row.helpful + row.notHelpful;
      return (
        `<tr><td>${escapeHtml(row.title)} <span class="id">${escapeHtml(row.articleId)}</span>${asked}</td>` +
        `<td class="num">${number(row.notHelpful)} of ${number(votes)}</td><td class="num">${Math.round((row.notHelpful / votes) * 100)}%</td>` +
        `<td class="num">${number(row.answered)}</td></tr>`
      );
    })
    .join('');
  return (
    `<section aria-labelledby="least-helpful">${heading}` +
    `<table><caption>Articles marked "not helpful", surest first</caption><thead><tr><th scope="col">Article</th><th scope="col">Not helpful</th><th scope="col">Share</th><th scope="col">Times answered</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function flows(model: ReportModel): string {
  const heading = '<h2 id="give-up">Where people give up in flows</h2>';
  if (model.giveUps.length === 0) {
    return `<section aria-labelledby="give-up">${heading}<p>Nobody left a troubleshooting flow before its end in this period.</p></section>`;
  }
  const rows = model.giveUps
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.flowTitle)} <span class="id">${escapeHtml(row.flowId)}</span></td><td><span class="id">${escapeHtml(row.nodeId)}</span></td>` +
        `<td class="num">${number(row.count)}</td><td class="num">${row.share === undefined ? '–' : `${Math.round(row.share * 100)}%`}</td></tr>`,
    )
    .join('');
  return (
    `<section aria-labelledby="give-up">${heading}` +
    `<table><caption>Steps where flows were left, most first</caption><thead><tr><th scope="col">Flow</th><th scope="col">Step</th><th scope="col">Left here</th><th scope="col">Of starts</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function breakdowns(model: ReportModel): string {
  const table = (caption: string, head: string, rows: ReadonlyArray<{ key: string; count: number }>) =>
    rows.length === 0
      ? ''
      : `<table class="small"><caption>${caption}</caption><thead><tr><th scope="col">${head}</th><th scope="col">Events</th></tr></thead><tbody>${rows
          .map((row) => `<tr><td>${escapeHtml(row.key)}</td><td class="num">${number(row.count)}</td></tr>`)
          .join('')}</tbody></table>`;
  const ratings = (['handoff', 'flow'] as const).map((after) => {
    const counts = model.ratingsAfter[after];
    const csat = counts.ratings > 0 ? `${Math.round((counts.satisfied / counts.ratings) * 100)}%` : '–';
    return {
      key: `after a ${after === 'flow' ? 'finished flow' : 'handoff'}: ${csat} satisfied`,
      count: counts.ratings,
    };
  });
  return (
    `<section aria-labelledby="breakdowns"><h2 id="breakdowns">Handoffs, ratings and channels</h2><div class="columns">` +
    table('Why people were handed off', 'Reason', model.handoffReasons) +
    table('Ratings', 'When', ratings) +
    table('Channels', 'Channel', model.channels) +
    `</div></section>`
  );
}

function notes(model: ReportModel): string {
  const items = [
    'Answered, menu and declined are shares of questions; handed off is a share of conversations; ids are hashed, so people stay anonymous.',
    ...model.approximations,
  ];
  return `<footer><h2 id="how">How these figures are made</h2><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></footer>`;
}

function percent(rate: Rate): string {
  return rate.value === undefined ? '–' : `${Math.round(rate.value * 100)}%`;
}

function detail(rate: Rate): string {
  return rate.denominator === 0 ? 'none yet:' : `${number(rate.numerator)} of ${number(rate.denominator)}`;
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}
