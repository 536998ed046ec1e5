import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireRole } from './RequireRole';
import { ALL_ROLES, type Role } from '../lib/session';

// Every page is its own chunk: the first page loads only the shell and what it needs.
const SearchPage = lazy(() => import('../pages/search/SearchPage'));
const NeedDetail = lazy(() => import('../pages/listing/NeedDetail'));
const ResultDetail = lazy(() => import('../pages/listing/ResultDetail'));
const ExpertDetail = lazy(() => import('../pages/listing/ExpertDetail'));
const ChallengeDetail = lazy(() => import('../pages/listing/ChallengeDetail'));
const LoginPage = lazy(() => import('../pages/auth/LoginPage'));
const RegisterPage = lazy(() => import('../pages/auth/RegisterPage'));
const NeedFormPage = lazy(() => import('../pages/enterprise/NeedFormPage'));
const MyNeedsPage = lazy(() => import('../pages/enterprise/MyNeedsPage'));
const ReviewQueuePage = lazy(() => import('../pages/admin/ReviewQueuePage'));
const ResultFormPage = lazy(() => import('../pages/researcher/ResultFormPage'));
const MyResultsPage = lazy(() => import('../pages/researcher/MyResultsPage'));
const ApplyPage = lazy(() => import('../pages/researcher/ApplyPage'));
const MyApplicationsPage = lazy(() => import('../pages/researcher/MyApplicationsPage'));
const BrokerDeskPage = lazy(() => import('../pages/broker/BrokerDeskPage'));
const BrokerScorePage = lazy(() => import('../pages/broker/BrokerScorePage'));
const OrganizationsPage = lazy(() => import('../pages/admin/OrganizationsPage'));
const SynonymsPage = lazy(() => import('../pages/admin/SynonymsPage'));
const KnowledgePage = lazy(() => import('../pages/knowledge/KnowledgePage'));
const LinkWeightsPage = lazy(() => import('../pages/admin/LinkWeightsPage'));
const MarketStatsPage = lazy(() => import('../pages/admin/MarketStatsPage'));
const AdminChallengesPage = lazy(() => import('../pages/admin/AdminChallengesPage'));
const AuditLogPage = lazy(() => import('../pages/admin/AuditLogPage'));
const MatchInboxPage = lazy(() => import('../pages/brokerage/MatchInboxPage'));
const DealsPage = lazy(() => import('../pages/brokerage/DealsPage'));
const LeaderboardPage = lazy(() => import('../pages/brokerage/LeaderboardPage'));
const MyChallengesPage = lazy(() => import('../pages/challenges/MyChallengesPage'));
const ChallengeFormPage = lazy(() => import('../pages/challenges/ChallengeFormPage'));
const ChallengeReviewPage = lazy(() => import('../pages/challenges/ChallengeReviewPage'));
const NotificationsPage = lazy(() => import('../pages/alerts/NotificationsPage'));
const SavedSearchesPage = lazy(() => import('../pages/alerts/SavedSearchesPage'));
const AccountSecurityPage = lazy(() => import('../pages/account/AccountSecurityPage'));
const NotFound = lazy(() => import('../pages/NotFound'));

const fallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

function page(element: ReactNode, roles?: Role[]) {
  const content = <Suspense fallback={fallback}>{element}</Suspense>;
  return roles ? <RequireRole roles={roles}>{content}</RequireRole> : content;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={page(<SearchPage />)} />
        <Route path="needs/:id" element={page(<NeedDetail />)} />
        <Route path="results/:id" element={page(<ResultDetail />)} />
        <Route path="experts/:id" element={page(<ExpertDetail />)} />
        <Route path="challenges/:id" element={page(<ChallengeDetail />)} />
        <Route path="login" element={page(<LoginPage />)} />
        <Route path="register" element={page(<RegisterPage />)} />
        <Route path="enterprise/needs" element={page(<MyNeedsPage />, ['ENTERPRISE'])} />
        <Route path="enterprise/needs/new" element={page(<NeedFormPage />, ['ENTERPRISE'])} />
        <Route path="enterprise/needs/:id/edit" element={page(<NeedFormPage />, ['ENTERPRISE'])} />
        <Route path="admin/review" element={page(<ReviewQueuePage />, ['ADMIN'])} />
        <Route path="researcher/results" element={page(<MyResultsPage />, ['RESEARCHER'])} />
        <Route path="researcher/results/new" element={page(<ResultFormPage />, ['RESEARCHER'])} />
        <Route path="researcher/results/:id/edit" element={page(<ResultFormPage />, ['RESEARCHER'])} />
        <Route path="researcher/applications" element={page(<MyApplicationsPage />, ['RESEARCHER'])} />
        <Route path="challenges/:id/apply" element={page(<ApplyPage />, ['RESEARCHER'])} />
        <Route path="broker/desk" element={page(<BrokerDeskPage />, ['BROKER'])} />
        {/* The broker's board was a page of its own; it is the one deals board now. */}
        <Route path="broker/deals" element={<Navigate to="/deals" replace />} />
        <Route path="broker/score" element={page(<BrokerScorePage />, ['BROKER'])} />
        <Route path="admin/organizations" element={page(<OrganizationsPage />, ['ADMIN'])} />
        <Route path="admin/synonyms" element={page(<SynonymsPage />, ['ADMIN'])} />
        <Route path="knowledge" element={page(<KnowledgePage />, ['ADMIN', 'BROKER'])} />
        <Route path="admin/link-weights" element={page(<LinkWeightsPage />, ['ADMIN'])} />
        <Route path="admin/stats" element={page(<MarketStatsPage />, ['ADMIN'])} />
        <Route path="admin/challenges" element={page(<AdminChallengesPage />, ['ADMIN'])} />
        <Route path="admin/audit" element={page(<AuditLogPage />, ['ADMIN'])} />
        <Route path="matches" element={page(<MatchInboxPage />, ['ENTERPRISE', 'RESEARCHER'])} />
        <Route path="deals" element={page(<DealsPage />, ['BROKER', 'ENTERPRISE', 'RESEARCHER', 'ADMIN'])} />
        <Route path="brokers" element={page(<LeaderboardPage />)} />
        <Route path="enterprise/challenges" element={page(<MyChallengesPage />, ['ENTERPRISE'])} />
        <Route path="enterprise/challenges/new" element={page(<ChallengeFormPage />, ['ENTERPRISE'])} />
        <Route path="enterprise/challenges/:id" element={page(<ChallengeReviewPage />, ['ENTERPRISE', 'ADMIN'])} />
        <Route path="notifications" element={page(<NotificationsPage />, ALL_ROLES)} />
        <Route path="saved-searches" element={page(<SavedSearchesPage />, ALL_ROLES)} />
        <Route path="account/security" element={page(<AccountSecurityPage />, ALL_ROLES)} />
        <Route path="*" element={page(<NotFound />)} />
      </Route>
    </Routes>
  );
}
