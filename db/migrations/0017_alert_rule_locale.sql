ALTER TABLE "alert_rules" ADD COLUMN "locale" varchar(16) DEFAULT 'en' NOT NULL;
