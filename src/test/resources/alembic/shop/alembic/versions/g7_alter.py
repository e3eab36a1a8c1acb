"""alter columns, a concurrent index, a deferrable foreign key

Revision ID: g7
Revises: f6
Create Date: 2026-01-07 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'g7'
down_revision = 'f6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('orders') as batch_op:
        batch_op.alter_column('note', existing_type=sa.String(50), type_=sa.Text(), existing_nullable=True,
                              new_column_name='remark')
    with op.batch_alter_table('invoices') as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_invoices_user', 'users', ['user_id'], ['id'], ondelete='RESTRICT',
                                    onupdate='CASCADE', deferrable=True, initially='DEFERRED')
    if op.get_bind().dialect.name != 'sqlite':
        op.alter_column('invoices', 'amount', existing_type=sa.Numeric(12, 2), type_=sa.BigInteger(),
                        postgresql_using='round(amount)::bigint', existing_nullable=False)
        op.alter_column('users', 'created_at', existing_type=sa.DateTime(timezone=True),
                        existing_server_default=sa.func.now(), nullable=True)
        op.create_table_comment('orders', 'orders placed')
    op.execute(sa.text("UPDATE invoices SET user_id = 1"))
    with op.get_context().autocommit_block():
        op.create_index('ix_invoices_user', 'invoices', ['user_id'], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index('ix_invoices_user', table_name='invoices', postgresql_concurrently=True)
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_table_comment('orders', existing_comment='orders placed')
        op.alter_column('users', 'created_at', existing_type=sa.DateTime(timezone=True),
                        existing_server_default=sa.func.now(), nullable=False)
        op.alter_column('invoices', 'amount', existing_type=sa.BigInteger(), type_=sa.Numeric(12, 2),
                        existing_nullable=False)
    with op.batch_alter_table('invoices') as batch_op:
        batch_op.drop_constraint('fk_invoices_user', type_='foreignkey')
        batch_op.drop_column('user_id')
    with op.batch_alter_table('orders') as batch_op:
        batch_op.alter_column('remark', existing_type=sa.Text(), type_=sa.String(50), existing_nullable=True,
                              new_column_name='note')
