import { Option } from 'commander';
import { t } from './language';

/** Options shared by many commands, declared once so every command spells and explains them alike. */
export const dbOption = () => new Option('--db <file>', t('cli.option.db')).makeOptionMandatory();
export const asOption = () => new Option('--as <username>', t('cli.option.as')).makeOptionMandatory();
export const displayNameOption = () => new Option('--display-name <name>', t('cli.option.displayName'));
