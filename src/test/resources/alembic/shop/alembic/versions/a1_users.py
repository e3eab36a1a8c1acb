"""create users

Revision ID: a1
Revises:
Create Date: 2026-01-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = 'a1'
down_revision = None
branch_labels = None
depends_on = None

STATUSES = ['new', 'active']


def upgrade():
    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=200), nullable=False),
        sa.Column('name', sa.Unicode(100), server_default='anonymous', nullable=True),
        sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column('balance', sa.Numeric(10, 2), nullable=True),
        sa.Column('bio', sa.Text(), comment="about " 'the user'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
        sa.UniqueConstraint('email', name='uq_users_email'),
        sa.CheckConstraint("balance >= 0", name='ck_users_balance'),
    )
    op.create_index(op.f('ix_users_name'), 'users', ['name'], unique=False)
    op.execute(sa.text(r"""INSERT INTO users (email, name, active, balance) VALUES ('root@example.com', 'root', true, 0)"""))


def downgrade():
    op.drop_index(op.f('ix_users_name'), table_name='users')
    op.drop_table('users')
