// Every feature folder registers its routes when imported. Add a feature by creating
// src/features/<feature>/index.ts (calling registerRoute) and importing it here; order here does not
// matter for the navigation bar (RouteDefinition.order does).
import './login';
import './home';
import './portal';
import './tasks';
import './monitor';
import './designer';
import './calendar';
import './admin';
import './notifications';
import './start';
import './ballots';
