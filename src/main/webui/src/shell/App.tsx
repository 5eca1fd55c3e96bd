import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { session, signIn, signOut } from './auth';
import { lang, setLang, t, type Key } from './i18n';
import { hasRole, loadMe, me } from './me';
import { navFor } from './nav';
import { Notifications } from './Notifications';
import { ConsultList } from '../consult/ConsultList';
import { ConsultQueue } from '../consult/ConsultQueue';
import { ConsultDetail } from '../consult/ConsultDetail';
import { ConsultImages } from '../consult/ConsultImages';
import { MeetingList } from '../board/MeetingList';
import { MeetingRoom } from '../board/MeetingRoom';
import { MeetingReplay } from '../board/MeetingReplay';
import { AdminAudit, AdminForwarding, AdminHospital, AdminHospitals } from '../admin/Admin';
import { NewConsult } from '../consult/NewConsult';
import { ProgrammeList } from '../screening/ProgrammeList';
import { ProgrammeDetail } from '../screening/ProgrammeDetail';
import { StatisticsDashboard } from '../statistics/Dashboard';
import { SubmissionList } from '../rt/SubmissionList';
import { NewSubmission } from '../rt/NewSubmission';
import { SubmissionDetail } from '../rt/SubmissionDetail';

// the review room (viewer, overlays, DVH charts) loads only when opened
const ReviewRoom = lazy(() => import('../rt/ReviewRoom').then((m) => m.ReviewRoom));
import { NewReport } from '../registry/NewReport';
import { ReportQueue } from '../registry/ReportQueue';
import { ReportDetail } from '../registry/ReportDetail';
import { ReferralList } from '../registry/ReferralList';
import { ReferralDetail } from '../registry/ReferralDetail';
import { FollowUpList } from '../registry/FollowUpList';
import { FollowUpDetail } from '../registry/FollowUpDetail';
import { Timeline } from '../registry/Timeline';
import { RecordList } from '../registry/RecordList';
import { RecordDetail } from '../registry/RecordDetail';
import { CaseLibrary } from '../teaching/CaseLibrary';
import { CaseDetail } from '../teaching/CaseDetail';
import { CoursePage } from '../teaching/CoursePage';
import { Exercise } from '../teaching/Exercise';

const ROLE_ORDER = ['platform-admin', 'case-manager', 'specialist', 'clinician', 'rt-staff', 'hospital-admin'];

function LanguageSwitch() {
  const other = lang.value === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" class="link" lang={other} onClick={() => setLang(other)}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}

function SignInPage() {
  return (
    <main class="signin">
      <h1>{t('app.title')}</h1>
      <p>{t('signin.intro')}</p>
      <button type="button" class="primary" onClick={() => signIn()}>{t('signin.button')}</button>
      <LanguageSwitch />
    </main>
  );
}

function Header() {
  const user = me.value;
  const { path } = useLocation();
  const role = ROLE_ORDER.find((r) => user?.roles?.includes(r));
  const hospital = lang.value === 'en' ? user?.hospital?.nameEn ?? user?.hospital?.name : user?.hospital?.name;
  return (
    <header class="topbar">
      <a class="brand" href="/">{t('app.title')}</a>
      <nav aria-label={t('nav.label')}>
        {navFor(user?.roles ?? []).map((n) => (
          <a href={n.path} aria-current={path === n.path ? 'page' : undefined}>{t(n.label)}</a>
        ))}
      </nav>
      <section class="who" aria-label={t('shell.you')}>
        <strong>{user?.displayName}</strong>
        {role && <span>{t(`role.${role}` as Key)}</span>}
        {hospital && <span>{hospital}</span>}
      </section>
      <Notifications />
      <LanguageSwitch />
      <button type="button" class="link" onClick={() => signOut()}>{t('shell.signOut')}</button>
    </header>
  );
}

/** Each role starts on its own worklist. */
function Home() {
  const { route } = useLocation();
  const first = navFor(me.value?.roles ?? [])[0];
  useEffect(() => {
    if (first) route(first.path, true);
  }, [first?.path]);
  return first ? null : <p>{t('home.nothing')}</p>;
}

function NotFound() {
  return <p role="alert">{t('error.notFound')}</p>;
}

function Shell() {
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    loadMe().catch((e: Error) => setFailed(e.message));
  }, []);
  if (failed) return <main><p role="alert">{t('error.me')}: {failed}</p></main>;
  if (!me.value) return <main aria-busy="true"><p>{t('common.loading')}</p></main>;
  return (
    <LocationProvider>
      <Header />
      <main>
        <Router>
          <Route path="/" component={Home} />
          <Route path="/queue" component={hasRole('case-manager', 'platform-admin') ? ConsultQueue : NotFound} />
          <Route path="/consults" component={ConsultList} />
          <Route path="/consults/new" component={NewConsult} />
          <Route path="/consults/:id" component={ConsultDetail} />
          <Route path="/consults/:id/images" component={ConsultImages} />
          <Route path="/meetings" component={MeetingList} />
          <Route path="/meetings/:id/room" component={MeetingRoom} />
          <Route path="/meetings/:id/replay" component={MeetingReplay} />
          <Route path="/rt" component={SubmissionList} />
          <Route path="/rt/new" component={hasRole('rt-staff') ? NewSubmission : NotFound} />
          <Route path="/rt/:id" component={SubmissionDetail} />
          <Route path="/rt/:id/room" component={ReviewRoom} />
          <Route path="/screening" component={ProgrammeList} />
          <Route path="/screening/:id" component={ProgrammeDetail} />
          <Route path="/statistics" component={StatisticsDashboard} />
          <Route path="/admin/hospitals" component={AdminHospitals} />
          <Route path="/admin/hospitals/:id" component={AdminHospital} />
          <Route path="/admin/forwarding" component={AdminForwarding} />
          <Route path="/admin/audit" component={hasRole('platform-admin') ? AdminAudit : NotFound} />
          <Route path="/registry/reports" component={ReportQueue} />
          <Route path="/registry/new-report" component={NewReport} />
          <Route path="/registry/reports/:id" component={ReportDetail} />
          <Route path="/registry/referrals" component={ReferralList} />
          <Route path="/registry/referrals/:id" component={ReferralDetail} />
          <Route path="/registry/follow-ups" component={FollowUpList} />
          <Route path="/registry/follow-ups/:id" component={FollowUpDetail} />
          <Route path="/registry/patients/:id" component={Timeline} />
          <Route path="/registry/records" component={RecordList} />
          <Route path="/registry/records/:id" component={RecordDetail} />
          <Route path="/teaching" component={CaseLibrary} />
          <Route path="/teaching/cases/:id" component={CaseDetail} />
          <Route path="/teaching/courses/:id" component={CoursePage} />
          <Route path="/teaching/courses/:id/cases/:caseId" component={Exercise} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </LocationProvider>
  );
}

export function App() {
  useEffect(() => {
    document.documentElement.lang = lang.value;
  }, [lang.value]);
  return session.value ? <Shell /> : <SignInPage />;
}
