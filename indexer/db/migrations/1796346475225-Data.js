module.exports = class Data1796346475225 {
    name = 'Data1796346475225'

    async up(db) {
        await db.query(`CREATE TABLE "access_grant" ("id" character varying NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "until" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "block" integer NOT NULL, "owner_id" character varying, "institution_id" character varying, CONSTRAINT "PK_2c12ba789e7748324e87e103a41" PRIMARY KEY ("id"))`)
        await db.query(`CREATE INDEX "IDX_ba4466936ed9b34163db961d82" ON "access_grant" ("owner_id") `)
        await db.query(`CREATE INDEX "IDX_5faa8c4b6879b1c9082da20f7c" ON "access_grant" ("institution_id") `)
        await db.query(`CREATE TABLE "collection_access" ("id" character varying NOT NULL, "product" character varying(10) NOT NULL, "case_id" numeric NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "until" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "block" integer NOT NULL, "owner_id" character varying, "agent_id" character varying, CONSTRAINT "PK_f795daa88a8415382268e5b5905" PRIMARY KEY ("id"))`)
        await db.query(`CREATE INDEX "IDX_0158f93dd9f660ddfa4ee7b662" ON "collection_access" ("owner_id") `)
        await db.query(`CREATE INDEX "IDX_04aa47fb165db1727815993945" ON "collection_access" ("agent_id") `)
        await db.query(`CREATE TABLE "profile_access" ("id" character varying NOT NULL, "basis" character varying(10), "until" TIMESTAMP WITH TIME ZONE, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "block" integer NOT NULL, "extrinsic_hash" text, "subject_id" character varying, "institution_id" character varying, "grant_id" character varying, "collection_id" character varying, CONSTRAINT "PK_eec823554b1180cf79822c01ece" PRIMARY KEY ("id"))`)
        await db.query(`CREATE INDEX "IDX_8243afb109ca44aee030edfbfd" ON "profile_access" ("subject_id") `)
        await db.query(`CREATE INDEX "IDX_e2da2c56d8866358f475e3b3aa" ON "profile_access" ("institution_id") `)
        await db.query(`CREATE INDEX "IDX_d66c3bd692f3bc86c87fdfa4ab" ON "profile_access" ("grant_id") `)
        await db.query(`CREATE INDEX "IDX_6a7f91a48923566eb42d2bb128" ON "profile_access" ("collection_id") `)
        await db.query(`CREATE INDEX "IDX_b287db3716ce6cc0103d1d7f5e" ON "profile_access" ("at") `)
        await db.query(`ALTER TABLE "access_grant" ADD CONSTRAINT "FK_ba4466936ed9b34163db961d825" FOREIGN KEY ("owner_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "access_grant" ADD CONSTRAINT "FK_5faa8c4b6879b1c9082da20f7c1" FOREIGN KEY ("institution_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "collection_access" ADD CONSTRAINT "FK_0158f93dd9f660ddfa4ee7b6622" FOREIGN KEY ("owner_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "collection_access" ADD CONSTRAINT "FK_04aa47fb165db1727815993945e" FOREIGN KEY ("agent_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "profile_access" ADD CONSTRAINT "FK_8243afb109ca44aee030edfbfde" FOREIGN KEY ("subject_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "profile_access" ADD CONSTRAINT "FK_e2da2c56d8866358f475e3b3aa3" FOREIGN KEY ("institution_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "profile_access" ADD CONSTRAINT "FK_d66c3bd692f3bc86c87fdfa4abc" FOREIGN KEY ("grant_id") REFERENCES "access_grant"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
        await db.query(`ALTER TABLE "profile_access" ADD CONSTRAINT "FK_6a7f91a48923566eb42d2bb1288" FOREIGN KEY ("collection_id") REFERENCES "collection_access"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`)
    }

    async down(db) {
        await db.query(`DROP TABLE "access_grant"`)
        await db.query(`DROP INDEX "public"."IDX_ba4466936ed9b34163db961d82"`)
        await db.query(`DROP INDEX "public"."IDX_5faa8c4b6879b1c9082da20f7c"`)
        await db.query(`DROP TABLE "collection_access"`)
        await db.query(`DROP INDEX "public"."IDX_0158f93dd9f660ddfa4ee7b662"`)
        await db.query(`DROP INDEX "public"."IDX_04aa47fb165db1727815993945"`)
        await db.query(`DROP TABLE "profile_access"`)
        await db.query(`DROP INDEX "public"."IDX_8243afb109ca44aee030edfbfd"`)
        await db.query(`DROP INDEX "public"."IDX_e2da2c56d8866358f475e3b3aa"`)
        await db.query(`DROP INDEX "public"."IDX_d66c3bd692f3bc86c87fdfa4ab"`)
        await db.query(`DROP INDEX "public"."IDX_6a7f91a48923566eb42d2bb128"`)
        await db.query(`DROP INDEX "public"."IDX_b287db3716ce6cc0103d1d7f5e"`)
        await db.query(`ALTER TABLE "access_grant" DROP CONSTRAINT "FK_ba4466936ed9b34163db961d825"`)
        await db.query(`ALTER TABLE "access_grant" DROP CONSTRAINT "FK_5faa8c4b6879b1c9082da20f7c1"`)
        await db.query(`ALTER TABLE "collection_access" DROP CONSTRAINT "FK_0158f93dd9f660ddfa4ee7b6622"`)
        await db.query(`ALTER TABLE "collection_access" DROP CONSTRAINT "FK_04aa47fb165db1727815993945e"`)
        await db.query(`ALTER TABLE "profile_access" DROP CONSTRAINT "FK_8243afb109ca44aee030edfbfde"`)
        await db.query(`ALTER TABLE "profile_access" DROP CONSTRAINT "FK_e2da2c56d8866358f475e3b3aa3"`)
        await db.query(`ALTER TABLE "profile_access" DROP CONSTRAINT "FK_d66c3bd692f3bc86c87fdfa4abc"`)
        await db.query(`ALTER TABLE "profile_access" DROP CONSTRAINT "FK_6a7f91a48923566eb42d2bb1288"`)
    }
}
