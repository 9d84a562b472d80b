"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 10:23:46.714815
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('ref', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article')),
    sa.UniqueConstraint('key', name=op.f('uq_article_key'))
    )
    op.create_table('channel_settings',
    sa.Column('channel_id', sa.BigInteger(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('digest_time', sa.String(length=5), nullable=True),
    sa.Column('digest_enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel_id', name=op.f('pk_channel_settings'))
    )
    with op.batch_alter_table('channel_settings', schema=None) as batch_op:
        batch_op.create_index('ix_channel_settings_guild', ['guild_id'], unique=False)

    op.create_table('digest_run',
    sa.Column('channel_id', sa.BigInteger(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('outbox_key', sa.String(length=300), nullable=True),
    sa.Column('since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel_id', 'local_date', name=op.f('pk_digest_run'))
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('date', sa.String(length=40), nullable=False),
    sa.Column('precision', sa.String(length=8), nullable=False),
    sa.Column('start_day', sa.Date(), nullable=False),
    sa.Column('end_day', sa.Date(), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_date', sa.String(length=40), nullable=True),
    sa.Column('participants', sa.String(length=500), nullable=False),
    sa.Column('people', sa.JSON(), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_changed', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index('ix_event_start_day', ['start_day'], unique=False)
        batch_op.create_index('ix_event_status_start', ['status', 'start_day'], unique=False)
        batch_op.create_index('ix_event_type_start', ['type', 'start_day'], unique=False)

    op.create_table('feed',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('channel_id', sa.BigInteger(), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('etag', sa.String(length=500), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('last_polled', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_poll', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('backoff_seconds', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=1000), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('primed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed')),
    sa.UniqueConstraint('guild_id', 'url', name='uq_feed_guild_url')
    )
    with op.batch_alter_table('feed', schema=None) as batch_op:
        batch_op.create_index('ix_feed_next_poll', ['next_poll'], unique=False)

    op.create_table('guild_settings',
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('digest_time', sa.String(length=5), nullable=False),
    sa.Column('mirror_scheduled_events', sa.Boolean(), nullable=False),
    sa.Column('admin_notice_channel_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('guild_id', name=op.f('pk_guild_settings'))
    )
    op.create_table('news_channel',
    sa.Column('channel_id', sa.BigInteger(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('added_by', sa.BigInteger(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel_id', name=op.f('pk_news_channel'))
    )
    with op.batch_alter_table('news_channel', schema=None) as batch_op:
        batch_op.create_index('ix_news_channel_guild', ['guild_id'], unique=False)

    op.create_table('subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('channel_id', sa.BigInteger(), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('types', sa.JSON(), nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('reminder_offsets', sa.JSON(), nullable=False),
    sa.Column('paused', sa.Boolean(), nullable=False),
    sa.Column('paused_reason', sa.String(length=500), nullable=True),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription'))
    )
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.create_index('ix_subscription_channel', ['channel_id'], unique=False)
        batch_op.create_index('ix_subscription_guild', ['guild_id'], unique=False)

    op.create_table('event_article',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.String(length=2000), nullable=False),
    sa.Column('date', sa.String(length=40), nullable=False),
    sa.Column('end_date', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_event_article_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_article_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'article_id', name=op.f('pk_event_article'))
    )
    with op.batch_alter_table('event_article', schema=None) as batch_op:
        batch_op.create_index('ix_event_article_article', ['article_id'], unique=False)

    op.create_table('event_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('old', sa.String(length=500), nullable=True),
    sa.Column('new', sa.String(length=500), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_event_history_article_id_article'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_history_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_history'))
    )
    with op.batch_alter_table('event_history', schema=None) as batch_op:
        batch_op.create_index('ix_event_history_event_at', ['event_id', 'at'], unique=False)

    op.create_table('event_participant',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('start_day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_participant_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'code', name=op.f('pk_event_participant'))
    )
    with op.batch_alter_table('event_participant', schema=None) as batch_op:
        batch_op.create_index('ix_event_participant_code_start', ['code', 'start_day', 'event_id'], unique=False)

    op.create_table('feed_entry_seen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feed_id', sa.Integer(), nullable=False),
    sa.Column('entry_key', sa.String(length=300), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_feed_entry_seen_article_id_article'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['feed_id'], ['feed.id'], name=op.f('fk_feed_entry_seen_feed_id_feed'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_entry_seen')),
    sa.UniqueConstraint('feed_id', 'entry_key', name='uq_feed_entry')
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dedup_key', sa.String(length=300), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=True),
    sa.Column('channel_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('subscription_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=100), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('message_id', sa.BigInteger(), nullable=True),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_reason', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_outbox_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscription.id'], name=op.f('fk_outbox_subscription_id_subscription'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('dedup_key', name=op.f('uq_outbox_dedup_key'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_created', ['created_at'], unique=False)
        batch_op.create_index('ix_outbox_pending', ['sent_at', 'failed_at', 'next_attempt'], unique=False)

    op.create_table('reminder_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('offset', sa.String(length=16), nullable=False),
    sa.Column('event_date', sa.String(length=40), nullable=False),
    sa.Column('fire_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('outbox_key', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_reminder_plan_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscription.id'], name=op.f('fk_reminder_plan_subscription_id_subscription'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_plan')),
    sa.UniqueConstraint('subscription_id', 'event_id', 'offset', 'event_date', name='uq_reminder_plan')
    )
    with op.batch_alter_table('reminder_plan', schema=None) as batch_op:
        batch_op.create_index('ix_reminder_plan_fire_at', ['fire_at'], unique=False)

    op.create_table('scheduled_event_mirror',
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('discord_event_id', sa.BigInteger(), nullable=True),
    sa.Column('synced_date', sa.String(length=40), nullable=True),
    sa.Column('synced_status', sa.String(length=12), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_scheduled_event_mirror_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('guild_id', 'event_id', name=op.f('pk_scheduled_event_mirror'))
    )
    


def downgrade() -> None:
    
    op.drop_table('scheduled_event_mirror')
    with op.batch_alter_table('reminder_plan', schema=None) as batch_op:
        batch_op.drop_index('ix_reminder_plan_fire_at')

    op.drop_table('reminder_plan')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_pending')
        batch_op.drop_index('ix_outbox_created')

    op.drop_table('outbox')
    op.drop_table('feed_entry_seen')
    with op.batch_alter_table('event_participant', schema=None) as batch_op:
        batch_op.drop_index('ix_event_participant_code_start')

    op.drop_table('event_participant')
    with op.batch_alter_table('event_history', schema=None) as batch_op:
        batch_op.drop_index('ix_event_history_event_at')

    op.drop_table('event_history')
    with op.batch_alter_table('event_article', schema=None) as batch_op:
        batch_op.drop_index('ix_event_article_article')

    op.drop_table('event_article')
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.drop_index('ix_subscription_guild')
        batch_op.drop_index('ix_subscription_channel')

    op.drop_table('subscription')
    with op.batch_alter_table('news_channel', schema=None) as batch_op:
        batch_op.drop_index('ix_news_channel_guild')

    op.drop_table('news_channel')
    op.drop_table('guild_settings')
    with op.batch_alter_table('feed', schema=None) as batch_op:
        batch_op.drop_index('ix_feed_next_poll')

    op.drop_table('feed')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_type_start')
        batch_op.drop_index('ix_event_status_start')
        batch_op.drop_index('ix_event_start_day')

    op.drop_table('event')
    op.drop_table('digest_run')
    with op.batch_alter_table('channel_settings', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_settings_guild')

    op.drop_table('channel_settings')
    op.drop_table('article')
    
