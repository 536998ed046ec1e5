import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { SaveSearchDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { SAVED_SEARCH_LIMITS } from '../../lib/limits';
import { savedSearchCriteria, TABS, type SearchState } from './search-state';

const { max: NAME_MAX } = SAVED_SEARCH_LIMITS.name;

/** A name to start from: the query and the tab, e.g. 石墨烯导热 · 需求大厅. */
function suggestedName(state: SearchState): string {
  const tab = state.tab === 'ALL' ? undefined : TABS.find((item) => item.key === state.tab)?.label;
  return [state.query || '全部信息', tab].filter(Boolean).join(' · ').slice(0, NAME_MAX);
}

/** Names the current search and saves it; new listings it finds then arrive as notifications. */
export default function SaveSearchDialog({ state, onClose }: { state: SearchState; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [refusal, setRefusal] = useState<string>();
  const [saveSearch, { loading }] = useMutation(SaveSearchDocument);

  async function save({ name }: { name: string }) {
    setRefusal(undefined);
    try {
      await saveSearch({ variables: { input: { name: name.trim(), ...savedSearchCriteria(state) } } });
      message.success('已保存搜索，可在「我的订阅」中查看；有符合条件的新信息时会通知您');
      onClose();
    } catch (failure) {
      setRefusal(errorMessage(failure));
    }
  }

  return (
    <Modal open title="保存搜索" okText="保存" cancelText="取消" confirmLoading={loading} onOk={() => form.submit()} onCancel={onClose}>
      <Typography.Paragraph type="secondary">保存当前的关键词和筛选条件；之后新发布的信息符合这些条件时，会通过站内通知提醒您。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ name: suggestedName(state) }} onFinish={(values) => void save(values)}>
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写名称' },
            { max: NAME_MAX, message: `名称不超过 ${NAME_MAX} 个字` },
          ]}
        >
          <Input maxLength={NAME_MAX} showCount autoFocus />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon message={refusal} />}
    </Modal>
  );
}
