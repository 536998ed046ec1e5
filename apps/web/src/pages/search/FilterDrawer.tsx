import { Drawer } from 'antd';
import type { ReactNode } from 'react';

/** The facet filters in a drawer, for screens too narrow for the side column. */
export default function FilterDrawer({ children, onClose }: { children: ReactNode; onClose: () => void }) {
  return (
    <Drawer title="筛选" placement="left" open onClose={onClose}>
      {children}
    </Drawer>
  );
}
