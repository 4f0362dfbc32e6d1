import { describeGoldenFamilies } from './samples-golden-suite.ts';

// Phone databases, SMS Backup & Restore XML, and the Mattermost CSV through a column mapping.
describeGoldenFamilies(['sms-backup-restore-xml', 'android-mmssms-db', 'ios-sms-db', 'whatsapp-db', 'misc']);
