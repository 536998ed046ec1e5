import { Alert, Button, Result, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from './errors';
import { editRefusal, listingSaveActions } from './listing-editing';

interface EditableListing {
  viewerIsOwner: boolean;
  status: string;
}

/** Loading, failure and refusal states of an edit page; renders the form once the owner may edit the listing. */
export function ListingEditGate<L extends EditableListing>(props: { listing: L | undefined; loading: boolean; error?: unknown; backTo: string; children: (listing: L) => ReactNode }) {
  const refusal = props.listing ? editRefusal(props.listing) : null;
  if (props.listing && !refusal) return props.children(props.listing);
  return (
    <div className="page">
      {refusal ? (
        <Result status="403" title="不能编辑" subTitle={refusal} extra={<Link to={props.backTo}>返回列表</Link>} />
      ) : props.loading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Alert type="error" showIcon message="加载失败" description={errorMessage(props.error)} />
      )}
    </div>
  );
}

/** Above an edit form: why it was rejected, and what saving will do to a listing in its status. */
export function ListingEditNotice({ status, rejectionReason }: { status: string; rejectionReason?: string | null }) {
  const { notice } = listingSaveActions(status);
  return (
    <>
      {status === 'REJECTED' && rejectionReason && <Alert type="warning" showIcon message={`驳回原因：${rejectionReason}`} style={{ marginBottom: 12 }} />}
      {notice && <Alert type="info" showIcon message={notice} style={{ marginBottom: 16 }} />}
    </>
  );
}

/** The save buttons of a listing form (new, or an edit in `status`). */
export function ListingSaveButtons({ status, saving, onSave }: { status?: string; saving: 'draft' | 'submit' | null; onSave: (submit: boolean) => void }) {
  const actions = listingSaveActions(status);
  return (
    <Space wrap>
      {actions.submit && (
        <Button type="primary" loading={saving === 'submit'} disabled={saving !== null} onClick={() => onSave(true)}>
          {actions.submit}
        </Button>
      )}
      {actions.save && (
        <Button type={actions.submit ? 'default' : 'primary'} loading={saving === 'draft'} disabled={saving !== null} onClick={() => onSave(false)}>
          {actions.save}
        </Button>
      )}
    </Space>
  );
}

/** 编辑 on a list row or detail page, for the listing's owner while its status allows editing. */
export function EditListingButton({ to, status }: { to: string; status: string }) {
  const navigate = useNavigate();
  if (editRefusal({ viewerIsOwner: true, status })) return null;
  return (
    <Button size="small" onClick={() => void navigate(to)}>
      编辑
    </Button>
  );
}
