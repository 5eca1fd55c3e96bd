import type { Schemas } from '../api/client';
import { lang, t } from '../shell/i18n';
import { RATES, percent } from './figures';

type Figures = Schemas['Figures'];

/** A programme's figures per member unit and in total, with each rate's definition on the page. */
export function FiguresTable(props: { hospitals: Figures[]; total: Figures }) {
  const rows = props.hospitals.length > 1 ? [...props.hospitals, props.total] : props.hospitals;
  return (
    <section class="card" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('screening.figures')}</h2>
      <table>
        <caption class="visually-hidden">{t('screening.figures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screening.hospital')}</th>
            <th scope="col">{t('screening.target')}</th>
            <th scope="col">{t('screening.invited')}</th>
            <th scope="col">{t('screening.screened')}</th>
            <th scope="col">{t('screening.highRisk')}</th>
            <th scope="col">{t('screening.colonoscopies')}</th>
            <th scope="col">{t('screening.cancers')}</th>
            <th scope="col">{t('screening.precancerous')}</th>
            {RATES.map((r) => <th scope="col">{t(r.label)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr>
              <th scope="row">{f.hospitalId ? f.hospitalName : t('screening.total')}</th>
              <td>{f.target}</td>
              <td>{f.invited}</td>
              <td>{f.screened}</td>
              <td>{f.highRisk}</td>
              <td>{f.colonoscopies}</td>
              <td>{f.cancers}</td>
              <td>{f.precancerous}</td>
              {RATES.map((r) => <td data-rate={r.field}>{percent(f[r.field] as number | null | undefined)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('screening.definitions')}</summary>
        <ul lang={lang.value}>
          {RATES.map((r) => <li>{t(r.definition)}</li>)}
        </ul>
      </details>
    </section>
  );
}
