import { useMutation } from '@tanstack/react-query';
import { Card, Flex, Progress, Steps } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import { type ImportFile, type ImportMapping, type ImportPreview, type ImportReport, maxImportDataChars } from '../../../src-shared/contract/import';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { downloadBase64, toImportFile } from './file-payload';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { ResultsStep } from './ResultsStep';
import { useImportProgress } from './useImportProgress';

interface Chosen {
  file: ImportFile;
  preview: ImportPreview;
}

/**
 * 导入 (PRODUCT.md capability 8) for administrators and reviewers: choose a file, check and adjust the
 * proposed mapping on a preview, dry-run it, then confirm. The same file goes with every call.
 */
export function ImportPanel({ user }: { user: SessionUser }) {
  const api = useApi();
  const t = useT();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { progress, track } = useImportProgress();

  const choose = useMutation({
    mutationFn: async (picked: File) => {
      const file = await toImportFile(picked);
      // Said here, before the request: the host would refuse it without saying why.
      if (file.data.length > maxImportDataChars) throw new ApiError({ code: 'VALIDATION', key: 'ui.import.fileTooLarge', message: 'ui.import.fileTooLarge' });
      return { file, preview: await api.call('import.preview', { file }) };
    },
    onSuccess: (next) => {
      setChosen(next);
      setMapping(next.preview.mapping);
      setReport(null);
    },
  });
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!chosen || !mapping) throw new Error('nothing to import');
      const id = crypto.randomUUID();
      track(id);
      return api.call(dryRun ? 'import.dryRun' : 'import.run', { file: chosen.file, mapping, importId: id });
    },
    onSuccess: setReport,
    onSettled: () => track(null),
  });
  const errorReport = useMutation({
    mutationFn: async () => {
      if (!chosen || !report) throw new Error('no report');
      const workbook = await api.call('import.errorReport', { file: chosen.file, rows: report.rows });
      downloadBase64(workbook.data, workbook.fileName);
    },
  });

  const restart = () => {
    setChosen(null);
    setMapping(null);
    setReport(null);
    choose.reset();
    run.reset();
  };
  const step = !chosen ? 0 : !report ? 1 : report.dryRun ? 2 : 3;
  const error = choose.error ?? run.error ?? errorReport.error;

  return (
    <Card title={t('ui.import.title')} data-testid="import-panel">
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={step}
          items={(['chooseStep', 'mappingStep', 'dryRunStep', 'doneStep'] as const).map((key) => ({ title: t(`ui.import.${key}`) }))}
        />
        <ErrorAlert error={error} testId="import-error" />
        {run.isPending && (
          <Progress percent={progress ? Math.floor((progress.done / Math.max(progress.total, 1)) * 100) : 0} status="active" data-testid="import-progress" />
        )}
        {step === 0 && <FileStep onFile={(file) => choose.mutate(file)} busy={choose.isPending} />}
        {step === 1 && chosen && mapping && (
          <MappingStep
            fileName={chosen.file.name}
            preview={chosen.preview}
            mapping={mapping}
            onChange={setMapping}
            onDryRun={() => run.mutate({ dryRun: true })}
            onBack={restart}
            busy={run.isPending}
            canCreateOwners={user.role === 'admin'}
          />
        )}
        {step >= 2 && report && (
          <ResultsStep
            report={report}
            busy={run.isPending}
            onConfirm={() => run.mutate({ dryRun: false })}
            onBack={() => setReport(null)}
            onRestart={restart}
            onErrorReport={() => errorReport.mutate()}
            reportBusy={errorReport.isPending}
          />
        )}
      </Flex>
    </Card>
  );
}
