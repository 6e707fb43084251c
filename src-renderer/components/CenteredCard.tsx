import { Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSelect } from '../features/settings/LanguageSelect';

/** The frame of the screens before sign-in: one card in the middle, the language choice at hand. */
export function CenteredCard({ title, width = 420, children }: { title: ReactNode; width?: number; children: ReactNode }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Card title={title} extra={<LanguageSelect testId="language-select" />} style={{ width, maxWidth: '100%' }}>
        {children}
      </Card>
    </Flex>
  );
}
