import { InboxOutlined } from '@ant-design/icons';
import { Flex, Typography, Upload } from 'antd';
import { useT } from '../../i18n/LanguageProvider';

/** Choosing the file: a drop zone that reads it locally; nothing is uploaded until it is chosen. */
export function FileStep({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            onFile(file);
            // The file is read here, not uploaded by the component.
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('ui.import.chooseFile')}</p>
          <p className="ant-upload-hint">{t('ui.import.chooseFileHint')}</p>
        </Upload.Dragger>
      </div>
      <Typography.Text type="secondary">{t('ui.import.privacyHint')}</Typography.Text>
    </Flex>
  );
}
