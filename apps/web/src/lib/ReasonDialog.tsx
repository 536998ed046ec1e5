import { Form, Input, Modal } from 'antd';

export interface ReasonDialogProps {
  /** Shown while set; null closes the dialog. */
  title: string | null;
  label: string;
  /** Who will read it, under the field. */
  extra?: string;
  okText: string;
  /** The API's length limits for the trimmed reason. */
  limits: { min: number; max: number };
  busy: boolean;
  /** Resolves true when the API took it (the dialog then closes). */
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
}

/** Asks for the reason a refusal needs (rejecting, requesting rework …), checked as the API checks it. */
export function ReasonDialog({ title, label, extra, okText, limits, busy, onSubmit, onClose }: ReasonDialogProps) {
  const [form] = Form.useForm<{ reason: string }>();

  async function submit({ reason }: { reason: string }) {
    if (await onSubmit(reason.trim())) onClose();
  }

  return (
    <Modal title={title} open={title !== null} okText={okText} okButtonProps={{ danger: true, loading: busy }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          label={label}
          extra={extra}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            {
              validator: (_, value: string | undefined) => {
                const length = value?.trim().length ?? 0;
                return length === 0 || (length >= limits.min && length <= limits.max) ? Promise.resolve() : Promise.reject(new Error(`须为 ${limits.min}–${limits.max} 个字`));
              },
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={limits.max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
