import "./style.css";
import { App } from "./app";
import { installTestHooks } from "./testHooks";

const app = new App();
installTestHooks(app);
app.start();
