"""invoices: enums, PostgreSQL types, foreign key actions, partial and gin indexes

Revision ID: f6
Revises: e5
Create Date: 2026-01-06 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = 'f6'
down_revision = 'e5'
branch_labels = None
depends_on = None

TABLE = 'invoices'
OPEN = "status <> 'paid'"


def upgrade():
    # sa.Enum creates its type with the table (implicitly) on PostgreSQL, a VARCHAR on SQLite
    op.create_table(
        TABLE,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), sa.ForeignKey('orders.id', ondelete='SET NULL', onupdate='CASCADE'),
                  nullable=True),
        sa.Column('status', sa.Enum('draft', 'sent', 'paid', name='invoice_status'), nullable=False,
                  server_default='draft'),
        sa.Column('issued_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column('amount', sa.Numeric(12, 2), nullable=False),
        sa.Column('reference', sa.String(40), nullable=True, comment='their ' "reference"),
        sa.PrimaryKeyConstraint('id', name='pk_invoices'),
        sa.UniqueConstraint('reference', name='uq_invoices_reference'),
        sa.CheckConstraint('amount >= 0', name='ck_invoices_amount'),
        comment='invoices sent',
    )
    op.create_index('ix_invoices_open', TABLE, ['issued_at'], postgresql_where=sa.text(OPEN), sqlite_where=sa.text(OPEN))
    op.bulk_insert(sa.table(TABLE, sa.column('id', sa.Integer), sa.column('amount', sa.Numeric), sa.column('status', sa.String)),
                   [{'id': 1, 'amount': 12.5, 'status': 'sent'}, {'id': 2, 'amount': 0, 'status': 'draft'}])
    if op.get_bind().dialect.name == 'postgresql':
        # an enum type created explicitly, then used by a column that must not create it again
        mood = postgresql.ENUM('calm', 'angry', name='mood', create_type=False)
        mood.create(op.get_bind())
        op.add_column(TABLE, sa.Column('mood', mood, nullable=True))
        op.add_column(TABLE, sa.Column('meta', postgresql.JSONB(astext_type=sa.Text()),
                                       server_default=sa.text("'{}'::jsonb"), nullable=False))
        op.add_column(TABLE, sa.Column('tags', postgresql.ARRAY(sa.String(20)), nullable=True))
        op.add_column(TABLE, sa.Column('token', postgresql.UUID(as_uuid=True), server_default=sa.text('gen_random_uuid()'),
                                       nullable=False))
        op.add_column(TABLE, sa.Column('client_ip', postgresql.INET(), nullable=True))
        op.create_index('ix_invoices_meta', TABLE, ['meta'], postgresql_using='gin')
        op.create_foreign_key('fk_invoices_order_deferred', TABLE, 'orders', ['order_id'], ['id'],
                              ondelete='CASCADE', onupdate='RESTRICT', deferrable=True, initially='DEFERRED')


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_constraint('fk_invoices_order_deferred', TABLE, type_='foreignkey')
        op.drop_index('ix_invoices_meta', table_name=TABLE)
        for column in ['client_ip', 'token', 'tags', 'meta', 'mood']:
            op.drop_column(TABLE, column)
        postgresql.ENUM(name='mood').drop(op.get_bind())
    op.drop_index('ix_invoices_open', table_name=TABLE)
    op.drop_table(TABLE)
    sa.Enum(name='invoice_status').drop(op.get_bind())
