import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { lang, t, type Key } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Problem } from '../shell/Problem';
import { BarChart, type ChartSeries } from './BarChart';
import { columnLabel, formatValue, hours, query, rowLabel, wording, type Definition } from './format';
import './statistics.css';

type Dashboard = Schemas['Dashboard'];
type Figure = Schemas['Figure'];
type Breakdown = Schemas['Breakdown'];

const SECTIONS = ['screening', 'reports', 'consults', 'rt', 'referrals', 'followUp'] as const;
const COLOURS = ['#2f6db5', '#e8913a', '#3a9d5d', '#b5452f'];

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function yearAgo(): string {
  const d = new Date(`${today()}T00:00:00`);
  d.setMonth(d.getMonth() - 11, 1);
  return d.toLocaleDateString('sv-SE');
}

/** A figure's definition beside it: numerator, denominator and the date that places a record in the range. */
function DefinitionText(props: { definition: Definition }) {
  const w = wording(props.definition);
  return (
    <dl class="definition" lang={lang.value}>
      <dt>{t('statistics.numerator')}</dt><dd>{w.numerator}</dd>
      {w.denominator && <><dt>{t('statistics.denominator')}</dt><dd>{w.denominator}</dd></>}
      <dt>{t('statistics.dateField')}</dt><dd>{w.dateField}</dd>
    </dl>
  );
}

function FigureCard(props: { figure: Figure }) {
  const f = props.figure;
  const w = wording(f.definition as Definition);
  return (
    <div class="figure" data-key={f.key}>
      <div class="figure-title">{w.title}</div>
      <div class="figure-value">{formatValue(f.unit ?? 'COUNT', f.value)}</div>
      {f.unit === 'RATE' && <div class="muted">{f.numerator} / {f.denominator}</div>}
      <DefinitionText definition={f.definition as Definition} />
    </div>
  );
}

/** A breakdown as a chart (when it has one) with its definition, and its numbers as a table. */
function BreakdownView(props: { breakdown: Breakdown }) {
  const b = props.breakdown;
  const w = wording(b.definition as Definition);
  const rows = b.rows ?? [];
  const labels = rows.map((r) => rowLabel(b.key ?? '', r.label ?? ''));
  const chart = useMemo(() => chartOf(b), [b, lang.value]);
  return (
    <figure class="breakdown" data-key={b.key}>
      <figcaption><strong>{w.title}</strong></figcaption>
      {chart && rows.length > 0 && <BarChart labels={labels} series={chart.series} kind={chart.kind} title={w.title}
        yLabel={chart.yLabel} />}
      {rows.length === 0 && <p class="muted">{t('statistics.noData')}</p>}
      <DefinitionText definition={b.definition as Definition} />
      <details>
        <summary>{t('statistics.table')}</summary>
        <table class="numbers">
          <caption class="visually-hidden">{w.title}</caption>
          <thead><tr><th scope="col">{t('statistics.label')}</th>{(b.columns ?? []).map((c) => <th scope="col">{columnLabel(c)}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr><th scope="row">{labels[i]}</th>{(r.values ?? []).map((v, j) => <td>{cell(b.columns?.[j] ?? '', v)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function cell(column: string, v: number | null | undefined): string {
  if (v == null) return '—';
  if (column.endsWith('Seconds')) return formatValue('SECONDS', v);
  if (column === 'medianDice') return v.toFixed(3);
  return String(v);
}

/** Which breakdowns are charts, and how: bars nested, lines where series cross, times in hours. */
function chartOf(b: Breakdown): { series: ChartSeries[]; kind: 'bars' | 'lines'; yLabel?: string } | null {
  const rows = b.rows ?? [];
  const column = (name: string, map: (v: number | null) => number | null = (v) => v) => {
    const i = (b.columns ?? []).indexOf(name);
    return rows.map((r) => map(r.values?.[i] ?? null));
  };
  const series = (names: string[], map?: (v: number | null) => number | null) =>
    names.map((n, i) => ({ label: columnLabel(n), values: column(n, map), colour: COLOURS[i % COLOURS.length] }));
  switch (b.key) {
    case 'consults.perMonth': return { series: series(['requested', 'signed']), kind: 'bars' };
    case 'consults.turnaround': return { series: series(['p90Seconds', 'medianSeconds'], (v) => hours(v)), kind: 'bars', yLabel: t('statistics.hoursAxis') };
    case 'reports.bySite': return { series: series(['reports']), kind: 'bars' };
    case 'reports.byDetection': return { series: series(['reports']), kind: 'bars' };
    case 'referrals.perMonth': return { series: series(['up', 'down']), kind: 'lines' };
    case 'rt.rois': return { series: series(['edits']), kind: 'bars' };
    default: return null;
  }
}

/** Saves what the server answered as a file, named as the server named it. */
async function download(format: 'csv' | 'xlsx', params: Record<string, string>) {
  const path = format === 'csv' ? '/api/registry/statistics/dashboard.csv' : '/api/registry/statistics/dashboard.xlsx';
  const r = await api.GET(path, { params: { query: { ...params, lang: lang.value } }, parseAs: 'blob' });
  const blob = must(r) as Blob;
  const name = /filename="([^"]+)"/.exec(r.response.headers.get('Content-Disposition') ?? '')?.[1] ?? `statistics.${format}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The statistics dashboard (GET /api/registry/statistics/dashboard): the figures of each section with their
 * definitions, the charts, a date range, a hospital (for those who see the alliance) and a programme, and exports.
 */
export function StatisticsDashboard() {
  const [filters, setFilters] = useState({ from: yearAgo(), to: today(), hospital: '', programme: '' });
  const [data, setData] = useState<Dashboard | null>(null);
  const [hospitals, setHospitals] = useState<Schemas['HospitalView'][]>([]);
  const [programmes, setProgrammes] = useState<{ id?: string; name?: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const alliance = hasRole('platform-admin') || (hasRole('case-manager') && me.value?.hospital?.level === 'PROVINCIAL');
  useEffect(() => {
    if (alliance) api.GET('/api/hospitals').then((r) => setHospitals(must(r) as Schemas['HospitalView'][])).catch(setError);
    api.GET('/api/screening/programmes', { params: { query: { limit: 100 } } })
      .then((r) => setProgrammes((must(r).items ?? []) as { id?: string; name?: string }[])).catch(setError);
  }, []);
  useEffect(() => {
    setBusy(true);
    setError(null);
    api.GET('/api/registry/statistics/dashboard', { params: { query: query(filters) } })
      .then((r) => setData(must(r))).catch(setError).finally(() => setBusy(false));
  }, [filters]);
  const set = (change: Partial<typeof filters>) => setFilters({ ...filters, ...change });
  const exportAs = (format: 'csv' | 'xlsx') => download(format, query(filters)).catch(setError);
  return (
    <main class="statistics">
      <h1>{t('statistics.title')}</h1>
      <form class="card filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('statistics.from')}
          <input type="date" value={filters.from} max={filters.to} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>{t('statistics.to')}
          <input type="date" value={filters.to} min={filters.from} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
        {alliance && (
          <label>{t('statistics.hospital')}
            <select value={filters.hospital} onChange={(e) => set({ hospital: e.currentTarget.value })}>
              <option value="">{t('statistics.alliance')}</option>
              {hospitals.map((h) => <option value={h.id}>{h.name}</option>)}
            </select>
          </label>
        )}
        <label>{t('statistics.programme')}
          <select value={filters.programme} onChange={(e) => set({ programme: e.currentTarget.value })}>
            <option value="">{t('statistics.allProgrammes')}</option>
            {programmes.map((p) => <option value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <div class="actions">
          <button type="button" onClick={() => exportAs('csv')}>{t('statistics.exportCsv')}</button>
          <button type="button" onClick={() => exportAs('xlsx')}>{t('statistics.exportXlsx')}</button>
        </div>
      </form>
      <Problem error={error} />
      {busy && !data && <p aria-busy="true">{t('common.loading')}</p>}
      {data && (
        <>
          <p class="muted">{t(data.scope === 'ALLIANCE' ? 'statistics.scope.alliance' : 'statistics.scope.hospital',
            { n: data.hospitals?.length ?? 0 })}</p>
          {SECTIONS.map((s) => (
            <section class="card" aria-labelledby={`statistics-${s}`}>
              <h2 id={`statistics-${s}`}>{t(`statistics.section.${s}` as Key)}</h2>
              <div class="figures">
                {(data.figures ?? []).filter((f) => f.section === s).map((f) => <FigureCard figure={f} />)}
              </div>
              {(data.breakdowns ?? []).filter((b) => b.section === s).map((b) => <BreakdownView breakdown={b} />)}
            </section>
          ))}
        </>
      )}
    </main>
  );
}
