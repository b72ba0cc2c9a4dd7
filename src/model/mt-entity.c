/* mt-entity.c: what every entity of a tour shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-entity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-tour-private.h"
#include "mt-tour.h"
#include "mt-tour-file.h"


G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MtEntity, mt_entity, G_TYPE_OBJECT)

MtEntityPrivate *
_mt_entity_get_private (MtEntity *self)
{
  return mt_entity_get_instance_private (self);
}

enum {
  PROP_0,
  PROP_ID,
  PROP_MODIFIED,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static inline const MtField *
get_field (MtEntity *self,
           guint     index)
{
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  g_assert (index < klass->n_fields);
  return &klass->fields[index];
}

static void
mt_entity_finalize (GObject *object)
{
  MtEntity *self = MT_ENTITY (object);
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];

      if (field->type == MT_FIELD_STRING)
        g_clear_pointer ((char **) MT_FIELD_PTR (self, field), g_free);
      else if (field->type == MT_FIELD_STRV)
        g_clear_pointer ((char ***) MT_FIELD_PTR (self, field), g_strfreev);
    }

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->unknown, json_object_unref);
  _mt_entity_free_stamps (self);

  G_OBJECT_CLASS (mt_entity_parent_class)->finalize (object);
}

static void
mt_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MtEntity *self = MT_ENTITY (object);
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_MODIFIED:
      g_value_set_int64 (value, mt_entity_get_modified (self));
      break;

    case PROP_REVISION:
      g_value_set_uint (value, priv->revision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MtEntity *self = MT_ENTITY (object);
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      if (priv->id == NULL)
        priv->id = mt_uuid_new ();
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_entity_class_init (MtEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mt_entity_finalize;
  object_class->get_property = mt_entity_get_property;
  object_class->set_property = mt_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mt_entity_init (MtEntity *self)
{
}

/* The generic property machinery of the concrete kinds */

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  const MtField *field = get_field (MT_ENTITY (object), prop_id - 1);
  gpointer slot = MT_FIELD_PTR (object, field);

  switch (field->type)
    {
    case MT_FIELD_STRING:
      g_value_set_string (value, *(char **) slot);
      break;
    case MT_FIELD_STRV:
      g_value_set_boxed (value, *(char ***) slot);
      break;
    case MT_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) slot);
      break;
    case MT_FIELD_UINT:
      g_value_set_uint (value, *(guint *) slot);
      break;
    case MT_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) slot);
      break;
    case MT_FIELD_TIME:
      g_value_set_int64 (value, *(gint64 *) slot);
      break;
    case MT_FIELD_ENUM:
      g_value_set_enum (value, *(int *) slot);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  MtEntity *self = MT_ENTITY (object);
  guint index = prop_id - 1;

  switch (get_field (self, index)->type)
    {
    case MT_FIELD_STRING:
      _mt_entity_set_string (self, index, g_value_get_string (value));
      break;
    case MT_FIELD_STRV:
      _mt_entity_set_strv (self, index, g_value_get_boxed (value));
      break;
    case MT_FIELD_BOOLEAN:
      _mt_entity_set_boolean (self, index, g_value_get_boolean (value));
      break;
    case MT_FIELD_UINT:
      _mt_entity_set_uint (self, index, g_value_get_uint (value));
      break;
    case MT_FIELD_DOUBLE:
      _mt_entity_set_double (self, index, g_value_get_double (value));
      break;
    case MT_FIELD_TIME:
      _mt_entity_set_time (self, index, g_value_get_int64 (value));
      break;
    case MT_FIELD_ENUM:
      _mt_entity_set_enum (self, index, g_value_get_enum (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_param_spec (const MtField *field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->type)
    {
    case MT_FIELD_STRING:
      return g_param_spec_string (field->name, field->nick, NULL, NULL, flags);
    case MT_FIELD_STRV:
      return g_param_spec_boxed (field->name, field->nick, NULL, G_TYPE_STRV, flags);
    case MT_FIELD_BOOLEAN:
      return g_param_spec_boolean (field->name, field->nick, NULL, FALSE, flags);
    case MT_FIELD_UINT:
      return g_param_spec_uint (field->name, field->nick, NULL,
                                (guint) field->minimum, (guint) field->maximum,
                                (guint) field->minimum, flags);
    case MT_FIELD_DOUBLE:
      return g_param_spec_double (field->name, field->nick, NULL,
                                  field->minimum, field->maximum, 0.0, flags);
    case MT_FIELD_TIME:
      return g_param_spec_int64 (field->name, field->nick, NULL,
                                 G_MININT64, G_MAXINT64, MT_TIME_UNSET, flags);
    case MT_FIELD_ENUM:
      return g_param_spec_enum (field->name, field->nick, NULL,
                                field->enum_type, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

void
_mt_entity_class_install_fields (MtEntityClass *klass,
                                 MtEntityKind   kind,
                                 const MtField *fields,
                                 guint          n_fields,
                                 guint          display_field)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_assert (display_field < n_fields);
  g_assert (fields[display_field].type == MT_FIELD_STRING);

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  klass->kind = kind;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->display_field = display_field;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      klass->pspecs[i] = field_param_spec (&fields[i]);
      g_object_class_install_property (object_class, i + 1, klass->pspecs[i]);
    }
}

static MtStamp
tick_tour (gpointer data)
{
  return _mt_tour_tick (data);
}

/* Every change of a field ends here: the stamps move, the change is
 * announced and the tour records it. */
static void
field_changed (MtEntity     *self,
               guint         index,
               const GValue *old_value)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  if (priv->tour != NULL && _mt_field_is_id_list (&klass->fields[index]))
    _mt_entity_stamp_list (self, index, tick_tour, priv->tour);
  else if (priv->tour != NULL)
    {
      MtStamp stamp = _mt_tour_tick (priv->tour);

      _mt_entity_stamp_field (self, index, &stamp);
    }
  priv->revision++;

  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);

  if (priv->tour != NULL)
    _mt_tour_property_changed (priv->tour, G_OBJECT (self), klass->pspecs[index], old_value);
}

/* Keeps the old value only where a tour will record it. */
#define BEGIN_CHANGE(self, gtype, setter, old)           \
  G_STMT_START {                                         \
    if (mt_entity_get_tour (self) != NULL)               \
      {                                                  \
        g_value_init (&(old), (gtype));                  \
        setter;                                          \
      }                                                  \
  } G_STMT_END

#define END_CHANGE(self, index, old)                     \
  G_STMT_START {                                         \
    field_changed ((self), (index), G_IS_VALUE (&(old)) ? &(old) : NULL); \
    if (G_IS_VALUE (&(old)))                             \
      g_value_unset (&(old));                            \
  } G_STMT_END

void
_mt_entity_set_string (MtEntity   *self,
                       guint       index,
                       const char *value)
{
  char **slot = MT_FIELD_PTR (self, get_field (self, index));
  GValue old = G_VALUE_INIT;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;

  BEGIN_CHANGE (self, G_TYPE_STRING, g_value_take_string (&old, g_steal_pointer (slot)), old);
  g_free (*slot);
  *slot = g_strdup (value);
  END_CHANGE (self, index, old);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || a[0] == NULL)
    return b == NULL || b[0] == NULL;
  if (b == NULL)
    return FALSE;
  return g_strv_equal (a, b);
}

/* the same ids, in whatever order */
static gboolean
same_set (const char * const *a,
          const char * const *b)
{
  guint n_a = a != NULL ? g_strv_length ((char **) a) : 0;
  guint n_b = b != NULL ? g_strv_length ((char **) b) : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!g_strv_contains (b, a[i]) || !g_strv_contains (a, b[i]))
      return FALSE;
  return TRUE;
}

void
_mt_entity_set_strv (MtEntity           *self,
                     guint               index,
                     const char * const *value)
{
  const MtField *field = get_field (self, index);
  char ***slot = MT_FIELD_PTR (self, field);
  GValue old = G_VALUE_INIT;

  if (strv_equal ((const char * const *) *slot, value))
    return;
  /* a list of ids is a set, in the order its ids were added: another order
   * of the same ids is no change */
  if (_mt_field_is_id_list (field) && mt_entity_get_tour (self) != NULL &&
      same_set ((const char * const *) *slot, value))
    return;

  BEGIN_CHANGE (self, G_TYPE_STRV, g_value_take_boxed (&old, g_steal_pointer (slot)), old);
  g_strfreev (*slot);
  *slot = value != NULL && value[0] != NULL ? g_strdupv ((char **) value) : NULL;
  END_CHANGE (self, index, old);
}

void
_mt_entity_set_boolean (MtEntity *self,
                        guint     index,
                        gboolean  value)
{
  gboolean *slot = MT_FIELD_PTR (self, get_field (self, index));
  GValue old = G_VALUE_INIT;

  value = !!value;
  if (*slot == value)
    return;

  BEGIN_CHANGE (self, G_TYPE_BOOLEAN, g_value_set_boolean (&old, *slot), old);
  *slot = value;
  END_CHANGE (self, index, old);
}

void
_mt_entity_set_uint (MtEntity *self,
                     guint     index,
                     guint     value)
{
  guint *slot = MT_FIELD_PTR (self, get_field (self, index));
  GValue old = G_VALUE_INIT;

  if (*slot == value)
    return;

  BEGIN_CHANGE (self, G_TYPE_UINT, g_value_set_uint (&old, *slot), old);
  *slot = value;
  END_CHANGE (self, index, old);
}

void
_mt_entity_set_double (MtEntity *self,
                       guint     index,
                       double    value)
{
  double *slot = MT_FIELD_PTR (self, get_field (self, index));
  GValue old = G_VALUE_INIT;

  if (*slot == value)
    return;

  BEGIN_CHANGE (self, G_TYPE_DOUBLE, g_value_set_double (&old, *slot), old);
  *slot = value;
  END_CHANGE (self, index, old);
}

void
_mt_entity_set_time (MtEntity *self,
                     guint     index,
                     gint64    value)
{
  gint64 *slot = MT_FIELD_PTR (self, get_field (self, index));
  GValue old = G_VALUE_INIT;

  if (*slot == value)
    return;

  BEGIN_CHANGE (self, G_TYPE_INT64, g_value_set_int64 (&old, *slot), old);
  *slot = value;
  END_CHANGE (self, index, old);
}

void
_mt_entity_set_enum (MtEntity *self,
                     guint     index,
                     int       value)
{
  const MtField *field = get_field (self, index);
  int *slot = MT_FIELD_PTR (self, field);
  GValue old = G_VALUE_INIT;

  if (*slot == value)
    return;

  BEGIN_CHANGE (self, field->enum_type, g_value_set_enum (&old, *slot), old);
  *slot = value;
  END_CHANGE (self, index, old);
}

void
_mt_entity_set_tour (MtEntity *self,
                     MtTour   *tour)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  priv->tour = tour;
}

void
_mt_entity_set_revision (MtEntity *self,
                         guint     revision)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  priv->revision = revision;
}

/* Public API */

const char *
mt_entity_get_id (MtEntity *self)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  g_return_val_if_fail (MT_IS_ENTITY (self), NULL);

  return priv->id;
}

MtEntityKind
mt_entity_get_kind (MtEntity *self)
{
  g_return_val_if_fail (MT_IS_ENTITY (self), 0);

  return MT_ENTITY_GET_CLASS (self)->kind;
}

/**
 * mt_entity_get_modified:
 *
 * Returns: when a field last changed, in microseconds since the epoch by
 *   the clock of the copy that changed it; 0 for an entity never in a tour
 */
gint64
mt_entity_get_modified (MtEntity *self)
{
  g_return_val_if_fail (MT_IS_ENTITY (self), 0);

  return MT_HLC_MS (_mt_entity_get_newest_hlc (self)) * 1000;
}

guint
mt_entity_get_revision (MtEntity *self)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  g_return_val_if_fail (MT_IS_ENTITY (self), 0);

  return priv->revision;
}

/**
 * mt_entity_get_tour:
 *
 * Returns: (transfer none) (nullable): the tour that holds @self
 */
MtTour *
mt_entity_get_tour (MtEntity *self)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  g_return_val_if_fail (MT_IS_ENTITY (self), NULL);

  return priv->tour;
}

/**
 * mt_entity_get_display_name:
 *
 * Returns: (nullable): the name, title or interviewee that names @self
 */
const char *
mt_entity_get_display_name (MtEntity *self)
{
  MtEntityClass *klass;

  g_return_val_if_fail (MT_IS_ENTITY (self), NULL);

  klass = MT_ENTITY_GET_CLASS (self);
  return *(char **) MT_FIELD_PTR (self, &klass->fields[klass->display_field]);
}

/**
 * mt_entity_copy:
 * @new_id: (nullable): the copy's id; %NULL for a new UUID
 *
 * Returns: (transfer full): a copy of @self's fields, in no tour
 */
MtEntity *
mt_entity_copy (MtEntity   *self,
                const char *new_id)
{
  MtEntityClass *klass;
  MtEntityPrivate *priv, *copy_priv;
  g_autoptr(MtEntity) copy = NULL;

  g_return_val_if_fail (MT_IS_ENTITY (self), NULL);

  klass = MT_ENTITY_GET_CLASS (self);
  priv = mt_entity_get_instance_private (self);
  copy = g_object_new (G_OBJECT_TYPE (self), "id", new_id, NULL);
  copy_priv = mt_entity_get_instance_private (copy);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];
      gpointer from = MT_FIELD_PTR (self, field);
      gpointer to = MT_FIELD_PTR (copy, field);

      switch (field->type)
        {
        case MT_FIELD_STRING:
          *(char **) to = g_strdup (*(char **) from);
          break;
        case MT_FIELD_STRV:
          *(char ***) to = g_strdupv (*(char ***) from);
          break;
        case MT_FIELD_BOOLEAN:
        case MT_FIELD_ENUM:
          *(int *) to = *(int *) from;
          break;
        case MT_FIELD_UINT:
          *(guint *) to = *(guint *) from;
          break;
        case MT_FIELD_DOUBLE:
          *(double *) to = *(double *) from;
          break;
        case MT_FIELD_TIME:
          *(gint64 *) to = *(gint64 *) from;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (priv->unknown != NULL)
    copy_priv->unknown = json_object_ref (priv->unknown);

  return g_steal_pointer (&copy);
}

static gboolean
field_equal (MtEntity      *a,
             MtEntity      *b,
             const MtField *field)
{
  gpointer pa = MT_FIELD_PTR (a, field);
  gpointer pb = MT_FIELD_PTR (b, field);

  switch (field->type)
    {
    case MT_FIELD_STRING:
      return g_strcmp0 (*(char **) pa, *(char **) pb) == 0;
    case MT_FIELD_STRV:
      return strv_equal (*(const char * const **) pa, *(const char * const **) pb);
    case MT_FIELD_BOOLEAN:
    case MT_FIELD_ENUM:
      return *(int *) pa == *(int *) pb;
    case MT_FIELD_UINT:
      return *(guint *) pa == *(guint *) pb;
    case MT_FIELD_DOUBLE:
      return *(double *) pa == *(double *) pb;
    case MT_FIELD_TIME:
      return *(gint64 *) pa == *(gint64 *) pb;
    default:
      g_assert_not_reached ();
    }
}

/**
 * mt_entity_equal:
 *
 * Returns: whether @a and @b are of one kind with the same id and fields
 */
gboolean
mt_entity_equal (MtEntity *a,
                 MtEntity *b)
{
  MtEntityClass *klass;

  g_return_val_if_fail (MT_IS_ENTITY (a), FALSE);
  g_return_val_if_fail (MT_IS_ENTITY (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      g_strcmp0 (mt_entity_get_id (a), mt_entity_get_id (b)) != 0)
    return FALSE;

  klass = MT_ENTITY_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!field_equal (a, b, &klass->fields[i]))
      return FALSE;

  return TRUE;
}

GType
mt_entity_kind_get_gtype (MtEntityKind kind)
{
  switch (kind)
    {
    case MT_ENTITY_CITY: return MT_TYPE_CITY;
    case MT_ENTITY_SITE: return MT_TYPE_SITE;
    case MT_ENTITY_GROUP: return MT_TYPE_GROUP;
    case MT_ENTITY_DELEGATE: return MT_TYPE_DELEGATE;
    case MT_ENTITY_VISIT: return MT_TYPE_VISIT;
    case MT_ENTITY_INTERVIEW: return MT_TYPE_INTERVIEW;
    case MT_N_ENTITY_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/* The tour file's member that lists entities of @kind */
const char *
mt_entity_kind_get_member (MtEntityKind kind)
{
  static const char * const members[] = {
    "cities", "sites", "groups", "delegates", "visits", "interviews",
  };

  g_return_val_if_fail (kind < MT_N_ENTITY_KINDS, NULL);

  return members[kind];
}

/**
 * mt_entity_new_of_kind:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new entity with every field at its default
 */
MtEntity *
mt_entity_new_of_kind (MtEntityKind  kind,
                       const char   *id)
{
  g_return_val_if_fail (kind < MT_N_ENTITY_KINDS, NULL);

  return g_object_new (mt_entity_kind_get_gtype (kind), "id", id, NULL);
}

char *
mt_uuid_new (void)
{
  return g_uuid_string_random ();
}

JsonObject *
_mt_entity_get_unknown (MtEntity *self)
{
  MtEntityPrivate *priv = mt_entity_get_instance_private (self);

  return priv->unknown;
}
